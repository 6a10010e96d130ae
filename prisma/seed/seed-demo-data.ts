/**
 * Writes the demo data (lib/seed, pure generators) into a migrated, empty database.
 *
 *   import { isDatabaseSeeded, seedDemoData } from "@/prisma/seed/seed-demo-data";
 *   if (!(await isDatabaseSeeded(prisma))) await seedDemoData(prisma, { enterprises: 300 });
 *
 * - Refuses a database that already has data (SeedRefusedError): the ledger and audit
 *   tables are append-only (triggers refuse DELETE/TRUNCATE), so re-seeding means a new
 *   database (`npm run db:seed -- --reset` drops and re-creates the schema).
 * - One transaction by default: a failure leaves the database empty, never half-seeded.
 *   An advisory lock makes two launchers starting at once seed only once.
 * - Chunked: rows are generated per chunk of enterprises and inserted with one
 *   `INSERT … SELECT FROM unnest(…)` per few thousand rows (./bulk-insert.ts explains why
 *   not createMany), so memory stays bounded at 100,000 enterprises.
 */

import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { demoModeOn } from "@/lib/server/env";
import { DEMO_USERS } from "@/lib/seed/base";
import { demoPasswordHash, withDemoCredentials } from "@/lib/seed/credentials";
import { generateSeed, resolveSeedOptions } from "@/lib/seed/generate";
import { computeDraftRanking } from "@/lib/ranking/mutations/compute-draft-ranking";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { freezeAcceptedSubmissions } from "@/lib/seed/quarterly";
import { finaliseSeededEvaluations } from "@/lib/seed/evaluations";
import { countSeededQuestionnaireTargets } from "@/lib/seed/questionnaires";
import { TABLE_ORDER, type TSeedOptions, type TSeedRows, type TSeedTable } from "@/lib/seed/types";
import { bulkInsert, loadColumnTypes, type TColumnTypes } from "./bulk-insert";

type TDb = Prisma.TransactionClient;

export class SeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedRefusedError";
  }
}

/**
 * The demo data's accounts share one published password and one-time-code secrets anyone
 * can derive from this repository: they must never reach a real database. Seeding is
 * therefore refused unless DEMO_MODE is on (`npm run dev` and the test servers turn it on;
 * a production start leaves it off).
 */
export function assertDemoMode(env: Readonly<Record<string, string | undefined>> = process.env): void {
  if (demoModeOn(env)) return;
  throw new SeedRefusedError(
    "未开启演示模式，未写入演示数据。The demo data (shared password, derivable one-time codes) is written only in demo mode: " +
      "set DEMO_MODE=true for a demo or test database (`npm run dev` does), never for a real one.",
  );
}

export interface TSeedDemoOptions extends Partial<TSeedOptions> {
  /** Insert in one transaction (default true). */
  transaction?: boolean;
  /** Called after each inserted batch of generated rows. */
  onProgress?: (p: { enterprisesDone: number; enterprisesTotal: number; rowsInserted: number; elapsedMs: number }) => void;
}

export interface TSeedSummary {
  options: TSeedOptions;
  counts: Record<TSeedTable, number>;
  demoAccounts: Array<{ account: string; role: string; name: string; orgName: string }>;
  elapsedMs: number;
}

const SEED_LOCK_KEY = 7_262_001; // pg_advisory_xact_lock key: "seeding the demo data"

/** True when the database has any organization — seeded, or in real use: never seed over it. */
export async function isDatabaseSeeded(db: TDb): Promise<boolean> {
  return (await db.organization.findFirst({ select: { id: true } })) !== null;
}

/** Model name of a client delegate: "ledgerEntry" → "LedgerEntry" (the schema maps no names). */
const modelOf = (table: TSeedTable) => table[0]!.toUpperCase() + table.slice(1);

async function insertRows(db: TDb, rows: TSeedRows, types: TColumnTypes): Promise<number> {
  let inserted = 0;
  for (const table of TABLE_ORDER) inserted += await bulkInsert(db, modelOf(table), rows[table] as object[], types);
  return inserted;
}

async function run(
  db: TDb,
  options: TSeedOptions,
  onProgress: TSeedDemoOptions["onProgress"],
  started: number,
  inTransaction: boolean,
): Promise<TSeedSummary> {
  if (inTransaction) await db.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})::text AS locked`);
  if (await isDatabaseSeeded(db)) {
    throw new SeedRefusedError(
      "数据库中已有数据，未写入演示数据。The database already has data: the demo seed only fills an empty database. " +
        "To start over, drop and re-create the database (or run `npm run db:seed -- --reset`, which drops the public schema and re-applies the migrations).",
    );
  }
  const types = await loadColumnTypes(db);
  const counts = Object.fromEntries(TABLE_ORDER.map((t) => [t, 0])) as Record<TSeedTable, number>;
  let rowsInserted = 0;
  let enterprisesDone = 0;
  let demoAccounts: TSeedSummary["demoAccounts"] = [];
  const orgNames = new Map<string, string>();
  const credentials = {
    seed: options.seed,
    passwordHash: await demoPasswordHash(options.seed),
    enrolledAt: new Date(`${options.referenceDate}T00:00:00+08:00`),
  };
  for (const batch of generateSeed(options)) {
    batch.rows.user = withDemoCredentials(batch.rows.user, credentials);
    for (const t of TABLE_ORDER) counts[t] += batch.rows[t].length;
    if (batch.kind === "base" || batch.from === 0) demoAccounts = [...demoAccounts, ...collectDemoAccounts(batch.rows, orgNames)];
    rowsInserted += await insertRows(db, batch.rows, types);
    if (batch.kind === "enterprises") enterprisesDone = batch.to ?? enterprisesDone;
    onProgress?.({ enterprisesDone, enterprisesTotal: options.enterprises, rowsInserted, elapsedMs: Date.now() - started });
  }
  // Accepted submissions are frozen only now: the trigger refuses figures of a frozen one.
  await freezeAcceptedSubmissions(db);
  // Likewise the finalised half-year evaluation: the trigger refuses rows of a finalised one.
  await finaliseSeededEvaluations(db);
  // The questionnaires' targeted counts, once every enterprise is in.
  await countSeededQuestionnaireTargets(db);
  const order: string[] = Object.values(DEMO_USERS).map((u) => u.account);
  demoAccounts.sort((a, b) => order.indexOf(a.account) - order.indexOf(b.account));
  return { options, counts, demoAccounts, elapsedMs: Date.now() - started };
}

/** The demo logins among the rows (their organizations are in the same or an earlier batch). */
function collectDemoAccounts(rows: TSeedRows, orgNames: Map<string, string>): TSeedSummary["demoAccounts"] {
  for (const o of rows.organization) orgNames.set(o.id as string, o.name);
  const wanted = new Set<string>(Object.values(DEMO_USERS).map((u) => u.account));
  return rows.user
    .filter((u) => wanted.has(u.account))
    .map((u) => ({ account: u.account, role: u.role, name: u.name, orgName: orgNames.get(u.orgId) ?? "" }));
}

/**
 * Generates and inserts the demo data; returns what was written. Throws SeedRefusedError
 * (and writes nothing) when the database already has data.
 */
export async function seedDemoData(client: PrismaClient, options: TSeedDemoOptions = {}): Promise<TSeedSummary> {
  assertDemoMode();
  const resolved = resolveSeedOptions(options);
  const started = Date.now();
  if (options.transaction === false) return run(client, resolved, options.onProgress, started, false);
  return client.$transaction((tx) => run(tx, resolved, options.onProgress, started, true), { maxWait: 60_000, timeout: 6 * 3_600_000 });
}

/**
 * A draft ranking of the last complete quarter, computed by the real ranking code from the
 * seeded data (after the seed's transaction: it reads through the root client), so the
 * rankings pages and the finance dashboard have one to show. Not reviewed, not published.
 * Kept out of seedDemoData, whose rows are byte-for-byte deterministic: a computed ranking
 * carries fresh ids and times. The demo servers and `npm run db:seed` call both.
 */
export async function seedDemoRanking(client: PrismaClient, referenceDate: string): Promise<void> {
  const [year, month] = referenceDate.split("-").map(Number) as [number, number];
  const current = Math.floor((month - 1) / 3) + 1;
  const ref = current === 1 ? { year: year - 1, quarter: 4 as const } : { year, quarter: (current - 1) as 1 | 2 | 3 };
  const [admin, program] = await Promise.all([
    client.user.findUnique({
      where: { account: DEMO_USERS.financeAdmin.account },
      select: { id: true, orgId: true, role: true, org: { select: { kind: true } } },
    }),
    getCurrentProgram(client, ref.year),
  ]);
  if (!admin || !program) return;
  const actor = { userId: admin.id, orgId: admin.orgId, role: admin.role, orgKind: admin.org.kind };
  await computeDraftRanking(client, actor, { programId: program.id, ...ref }, { now: new Date(`${referenceDate}T12:00:00+08:00`) });
}
