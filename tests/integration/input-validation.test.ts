/**
 * Bad input gets a field error, never a server error. The attacks: a NUL character in a
 * text field (PostgreSQL refuses it, so the action threw and the server answered 500),
 * an impossible date ("9999-99-99" threw; "2027-02-30" was stored as 2 March) and a
 * malformed body posted to a route handler. Each action is called as its form calls it,
 * as a signed-in user of the demo data, on a fresh seeded database.
 */
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { TActionResult } from "@/lib/server/action";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { sessionUserOf } from "@/tests/factories/sessions";
import { createFreshDatabase, type FreshDatabase } from "./harness";
import { formData, session } from "../support/signed-in-session";

vi.mock("@/lib/server/auth/current-user", () => import("../support/signed-in-session").then((m) => m.currentUserModule()));
vi.mock("@/lib/server/auth/request-meta", () =>
  import("../support/signed-in-session").then((m) => m.requestMetaModule("input-validation")),
);

const ROOT = path.resolve(__dirname, "../..");
type TAction = (input: unknown) => Promise<TActionResult<unknown>>;
type TRoute = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
const exportOf = async <T>(file: string, name: string) => ((await import(path.join(ROOT, file))) as Record<string, T>)[name]!;

let database: FreshDatabase;
let prisma: PrismaClient;

/** The demo login `account` as a signed-in session. */
async function sessionOf(account: string): Promise<TSessionUser> {
  const user = await sessionUserOf(prisma, { account });
  if (!user) throw new Error(`no active user ${account}`);
  return user;
}

const form = formData;

beforeAll(async () => {
  database = await createFreshDatabase("input-validation");
  await migrate(database.url, { onLog: () => {} });
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  await seedDemoData(prisma, { referenceDate: "2026-11-20", enterprises: 20 });
  // The actions' own database client (db()) is created on first use: point it here.
  process.env.DATABASE_URL = database.url;
  // Sign-in goes through Auth.js, which needs a secret to get as far as the database.
  process.env.AUTH_SECRET ??= "input-validation-test-secret-0123456789abcdef";
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("a server action given a NUL character or an impossible date", () => {
  const request = (fields: Record<string, string>) =>
    form({
      type: "FINANCING",
      title: "流动资金贷款申请（输入校验）",
      description: "用于采购原材料，期限一年。",
      amountFen: "100",
      purpose: "采购原材料",
      termMonths: "12",
      collateral: "厂房抵押",
      neededBy: "2027-01-15",
      ...fields,
    });

  it("the enterprise's request form answers field errors and stores nothing", async () => {
    session.user = await sessionOf("enterprise.owner");
    const save = await exportOf<TAction>("app/(portal)/requests/new/actions.ts", "saveRequestAction");

    expect(await save(request({ title: "贷款\u0000申请" }))).toMatchObject({
      ok: false,
      error: "invalidInput",
      fieldErrors: { title: "badCharacters" },
    });
    expect(await save(request({ description: "第一行\r\n第二行\u0007" }))).toMatchObject({ fieldErrors: { description: "badCharacters" } });
    expect(await save(request({ neededBy: "9999-99-99" }))).toMatchObject({
      ok: false,
      error: "invalidInput",
      fieldErrors: { neededBy: "badDate" },
    });
    expect(await save(request({ neededBy: "2027-02-30" }))).toMatchObject({
      ok: false,
      error: "invalidInput",
      fieldErrors: { neededBy: "badDate" },
    });
    expect(await prisma.request.count({ where: { title: { startsWith: "流动资金贷款申请（输入校验）" } } })).toBe(0);
  });

  it("a field whose schema has no text helper is refused by the action wrapper too", async () => {
    session.user = null;
    const signIn = await exportOf<TAction>("app/(auth)/sign-in/actions.ts", "signInAction");
    expect(await signIn(form({ login: "finance.admin\u0000", password: "x\u0000" }))).toMatchObject({
      ok: false,
      error: "invalidInput",
      fieldErrors: { login: "badCharacters", password: "badCharacters" },
    });
  });

  it("the calendar page refuses a NUL in a holiday's name and 30 February", async () => {
    session.user = await sessionOf("finance.admin");
    const add = await exportOf<TAction>("app/(portal)/calendar/actions.ts", "addCalendarDayAction");
    expect(await add(form({ date: "2027-10-01", kind: "HOLIDAY", name: "国庆节\u0000" }))).toMatchObject({
      ok: false,
      fieldErrors: { name: "badCharacters" },
    });
    expect(await add(form({ date: "2027-02-30", kind: "HOLIDAY", name: "春节" }))).toMatchObject({
      ok: false,
      fieldErrors: { date: "badDate" },
    });
  });
});

describe("a server action given a lone UTF-16 surrogate", () => {
  // Half of a surrogate pair is no character: PostgreSQL's jsonb refuses its escape, so the
  // audit entry of the change failed and the action answered 500. A browser's form post
  // cannot carry one (it is sent as U+FFFD), but an action's arguments encoded as JSON can.
  it("is refused as bad characters, in a field whose schema checks it and in one that does not", async () => {
    session.user = await sessionOf("finance.admin");
    const create = await exportOf<TAction>("app/(portal)/registry/guarantors/actions.ts", "createRegistryGuarantorAction");
    expect(await create({ name: "融桥担保（代理对）", shortName: "\ud800\u202e" })).toMatchObject({
      ok: false,
      error: "invalidInput",
      fieldErrors: { shortName: "badCharacters" },
    });
    expect(await create({ name: "融桥担保（代理对）", unknownField: ["x\udfff"] })).toMatchObject({
      ok: false,
      fieldErrors: { "unknownField.0": "badCharacters" },
    });
    expect(await prisma.organization.count({ where: { name: "融桥担保（代理对）" } })).toBe(0);
  });
});

describe("a route handler given a malformed body", () => {
  it("the import answers 400 with a Chinese message", async () => {
    session.user = await sessionOf("finance.admin");
    const post = await exportOf<TRoute>("app/(portal)/import/enterprises/file/route.ts", "POST");
    const response = await post(
      new Request("http://localhost/import/enterprises/file", {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x" },
        body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nnot closed',
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/[\u4e00-\u9fff]/);
  });
});
