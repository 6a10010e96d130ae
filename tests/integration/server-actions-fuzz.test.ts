/**
 * Every server action, called through its defineAction wrapper with generated hostile input
 * (tests/support/fuzz-inputs.ts) as a signed-in user of a role it admits, on a fresh
 * database seeded with the demo city. Each call must answer a typed result (success or a
 * known error code other than "generic"), or end the way Next ends a request on purpose
 * (redirect, not found). Anything thrown besides is what a browser would see as a 500.
 *
 * Plausible values (ids that exist, small versions, real days) are mixed in so that many
 * inputs pass validation and run the handler against the database, not only the parse.
 * Only the session and the framework's request context are simulated: Next's request
 * headers and cookies (Auth.js reads them) and the revalidation calls, which need a render.
 *
 * FUZZ_RUNS multiplies the runs (the nightly job); FUZZ_SEED replays a failure's seed.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { isErrorCode } from "@/lib/errors";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { anyActionInputFor, fieldNames, formFieldNames, fuzzMultiplier, fuzzSeed, shapeOf } from "@/tests/support/fuzz-inputs";
import { loadServerActions, type TFoundAction } from "@/tests/support/server-actions";
import { sessionUserOf } from "@/tests/factories/sessions";
import { createFreshDatabase, type FreshDatabase } from "./harness";
import { session } from "../support/signed-in-session";

vi.mock("@/lib/server/auth/current-user", () => import("../support/signed-in-session").then((m) => m.currentUserModule()));
vi.mock("@/lib/server/auth/request-meta", () =>
  import("../support/signed-in-session").then((m) => m.requestMetaModule("server-actions-fuzz", "198.51.100.9")),
);
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
vi.mock("next/headers", () => {
  const jar = new Map<string, string>();
  const cookieStore = {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === "string") jar.set(name, value ?? "");
      else jar.set(name.name, name.value);
    },
    delete: (name: string) => jar.delete(name),
  };
  return {
    headers: async () => new Headers({ host: "localhost:3000", origin: "http://localhost:3000", "user-agent": "server-actions-fuzz" }),
    cookies: async () => cookieStore,
  };
});

const RUNS_PER_ACTION = Math.round(200 * fuzzMultiplier());

let database: FreshDatabase;
let prisma: PrismaClient;
let actions: TFoundAction[] = [];
let ids: string[] = [];
let extraKeys: string[] = [];
const sessions = new Map<Role, TSessionUser>();

const sessionOfRole = (role: Role): Promise<TSessionUser | null> => sessionUserOf(prisma, { role });

/** Up to `perTable` ids of every table keyed by a uuid `id`: plausible targets for any *Id field. */
async function existingIds(perTable: number): Promise<string[]> {
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid' ORDER BY table_name`;
  const found: string[] = [];
  for (const { table_name } of tables) {
    const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text AS id FROM "${table_name.replace(/"/g, '""')}" LIMIT ${perTable}`,
    );
    found.push(...rows.map((r) => r.id));
  }
  return found;
}

/** How Next ends a request on purpose: redirect() and notFound() throw errors carrying these digests. */
function isIntendedInterruption(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404"));
}

function describeInput(input: unknown): string {
  if (input instanceof FormData)
    return `FormData ${fc.stringify(Object.fromEntries([...input].map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 60) : "[File]"])))}`;
  return (fc.stringify(input) ?? String(input)).slice(0, 300);
}

beforeAll(async () => {
  database = await createFreshDatabase("server-actions-fuzz");
  await migrate(database.url, { onLog: () => {} });
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  await seedDemoData(prisma, { referenceDate: "2026-11-20", enterprises: 20 });
  // The actions' own database client (db()) is created on first use: point it here.
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "server-actions-fuzz-test-secret-0123456789abcdef";
  for (const role of Object.values(Role)) {
    const user = await sessionOfRole(role);
    if (user) sessions.set(role, user);
  }
  ids = await existingIds(15);
  extraKeys = formFieldNames();
  actions = await loadServerActions();
}, 300_000);

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("every server action, given generated hostile input as a role it admits", () => {
  it(
    "answers a typed result or an intended redirect, never an unhandled error",
    async () => {
      expect(actions.length).toBeGreaterThan(70);
      expect(sessions.size).toBe(Object.values(Role).length);
      const failures: string[] = [];
      const started = Date.now();
      let calls = 0;
      let handled = 0; // inputs that passed validation and ran the handler
      const neverHandled: string[] = [];
      for (const { action } of actions) {
        const callers: (TSessionUser | null)[] = [...sessions.values()].filter((u) => action.allows(u));
        if (action.policy === "public") callers.push(null);
        expect(callers.length, `${action.actionName} admits some role`).toBeGreaterThan(0);
        const shape = shapeOf(action.schema);
        const keys = fieldNames(shape).length > 0 ? [] : extraKeys;
        const perAction: string[] = [];
        const handledBefore = handled;
        await fc.check(
          fc.asyncProperty(fc.constantFrom(...callers), anyActionInputFor(shape, keys, { ids }), async (user, input) => {
            calls++;
            session.user = user;
            try {
              const result = await action(input);
              if (typeof result !== "object" || result === null || typeof result.ok !== "boolean") {
                perAction.push(`not a typed result: ${fc.stringify(result)}`);
              } else if (!result.ok && (!isErrorCode(result.error) || result.error === "generic")) {
                perAction.push(`error ${String(result.error)} for ${describeInput(input)}`);
              } else if (result.ok || result.error !== "invalidInput") handled++;
            } catch (error) {
              if (isIntendedInterruption(error)) {
                handled++;
                return;
              }
              // Prisma's messages open with the call site and end with the cause: keep the end.
              const text = error instanceof Error ? error.message.replace(/\s+/g, " ").trim().slice(-300) : String(error);
              const code = (error as { code?: unknown } | null)?.code;
              const message = `${error instanceof Error ? error.name : typeof error}${typeof code === "string" ? ` ${code}` : ""}: ${text}`;
              perAction.push(`threw ${message} as ${user?.role ?? "signed out"} for ${describeInput(input)}`);
            }
          }),
          { numRuns: RUNS_PER_ACTION, seed: fuzzSeed(), endOnFailure: true },
        );
        if (handled === handledBefore) neverHandled.push(action.actionName);
        if (perAction.length > 0) failures.push(`${action.actionName} (${perAction.length}×): ${perAction.slice(0, 3).join(" | ")}`);
      }
      console.log(
        `server-action fuzz: ${actions.length} actions × ${RUNS_PER_ACTION} = ${calls} calls (${handled} past validation) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      // Not a failure, but worth knowing: these actions' handlers ran on no generated input.
      if (neverHandled.length > 0) console.log(`server-action fuzz: never past validation: ${neverHandled.join(", ")}`);
      expect(failures).toEqual([]);
      expect(calls).toBe(actions.length * RUNS_PER_ACTION);
    },
    600_000 * fuzzMultiplier(),
  );
});
