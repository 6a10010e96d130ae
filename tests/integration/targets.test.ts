/**
 * Bank credit targets on the demo data (a fresh database of its own, seeded for
 * 2026-11-27): the seeded targets and the target-against-actual rows of the finance,
 * bank and park views, each number compared with SQL written here apart from the query
 * (plain per-bank subqueries instead of its CTEs); then setting a target: only the finance
 * office's administrator may, every change is a new version with an audit entry, a stale
 * or unchanged form is refused, and the table refuses edits.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import type { TActor } from "@/lib/auth/permissions";
import { computeQuarterInputs } from "@/lib/ranking/queries/compute-quarter-inputs";
import { scoreIndicator } from "@/lib/ranking/rules";
import { setBankTarget } from "@/lib/targets/mutations/set-bank-target";
import { listTargetVersions } from "@/lib/targets/queries/list-target-versions";
import { readTargetProgress, type TTargetProgressRow } from "@/lib/targets/queries/read-target-progress";
import { ZSetBankTargetInput } from "@/lib/targets/schemas";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { TEST_META } from "@/tests/factories/users";
import { createFreshDatabase, type FreshDatabase } from "./harness";
import { codeOf } from "@/tests/factories/requests";

const YEAR = 2026;
let fresh: FreshDatabase;
let prisma: PrismaClient;
let programId: string;
let finance: TActor;
let staff: TActor;
let pbc: TActor;
let liaison: TActor;
let manager: TActor;
let park: TActor;

async function actor(where: { account: string } | { role: "FINANCE_STAFF" | "BANK_MANAGER" }): Promise<TActor> {
  const u = await prisma.user.findFirstOrThrow({
    where: "account" in where ? { account: where.account } : { role: where.role },
    orderBy: { account: "asc" },
    select: { id: true, role: true, orgId: true, org: { select: { kind: true } } },
  });
  return actorOf({ userId: u.id, role: u.role, orgId: u.orgId, orgKind: u.org.kind });
}

const sql = <T>(text: string, ...values: unknown[]) => prisma.$queryRawUnsafe<T[]>(text, ...values);

type TExpected = {
  bankOrgId: string;
  version: number | null;
  targetAmountFen: string | null;
  targetBorrowers: number | null;
  amountFen: string;
  borrowers: number;
  firstLoans: number;
  creditLoans: number;
  parkAmountFen: string | null;
};

/** Each bank's numbers straight from the tables: newest version by max(), sums per bank. */
async function expected(bankOrgIds: string[], parkId: string | null = null): Promise<TExpected[]> {
  return sql<TExpected>(
    `SELECT b.id::text AS "bankOrgId",
            (SELECT max(version) FROM "BankCreditTarget" WHERE "programId" = $1::uuid AND year = $2 AND "bankOrgId" = b.id) AS version,
            (SELECT "amountFen"::text FROM "BankCreditTarget" t WHERE "programId" = $1::uuid AND year = $2 AND "bankOrgId" = b.id
               AND version = (SELECT max(version) FROM "BankCreditTarget" WHERE "programId" = $1::uuid AND year = $2 AND "bankOrgId" = b.id)) AS "targetAmountFen",
            (SELECT borrowers FROM "BankCreditTarget" t WHERE "programId" = $1::uuid AND year = $2 AND "bankOrgId" = b.id
               AND version = (SELECT max(version) FROM "BankCreditTarget" WHERE "programId" = $1::uuid AND year = $2 AND "bankOrgId" = b.id)) AS "targetBorrowers",
            coalesce((SELECT sum(f."loanIncrementFen") FROM "QuarterlyParkFigure" f JOIN "QuarterlySubmission" s ON s.id = f."submissionId"
               WHERE s."programId" = $1::uuid AND s.year = $2 AND s.status = 'ACCEPTED' AND s."bankOrgId" = b.id), 0)::text AS "amountFen",
            coalesce((SELECT sum(f.borrowers) FROM "QuarterlyParkFigure" f JOIN "QuarterlySubmission" s ON s.id = f."submissionId"
               WHERE s."programId" = $1::uuid AND s.year = $2 AND s.status = 'ACCEPTED' AND s."bankOrgId" = b.id
                 AND s.quarter = (SELECT max(quarter) FROM "QuarterlySubmission" WHERE "programId" = $1::uuid AND year = $2 AND status = 'ACCEPTED' AND "bankOrgId" = b.id)), 0)::int AS borrowers,
            coalesce((SELECT sum(f."firstLoans") FROM "QuarterlyParkFigure" f JOIN "QuarterlySubmission" s ON s.id = f."submissionId"
               WHERE s."programId" = $1::uuid AND s.year = $2 AND s.status = 'ACCEPTED' AND s."bankOrgId" = b.id
                 AND s.quarter = (SELECT max(quarter) FROM "QuarterlySubmission" WHERE "programId" = $1::uuid AND year = $2 AND status = 'ACCEPTED' AND "bankOrgId" = b.id)), 0)::int AS "firstLoans",
            coalesce((SELECT sum(f."creditLoans") FROM "QuarterlyParkFigure" f JOIN "QuarterlySubmission" s ON s.id = f."submissionId"
               WHERE s."programId" = $1::uuid AND s.year = $2 AND s.status = 'ACCEPTED' AND s."bankOrgId" = b.id
                 AND s.quarter = (SELECT max(quarter) FROM "QuarterlySubmission" WHERE "programId" = $1::uuid AND year = $2 AND status = 'ACCEPTED' AND "bankOrgId" = b.id)), 0)::int AS "creditLoans",
            CASE WHEN $4::uuid IS NULL THEN NULL ELSE
              (SELECT sum(f."loanIncrementFen") FROM "QuarterlyParkFigure" f JOIN "QuarterlySubmission" s ON s.id = f."submissionId"
                WHERE s."programId" = $1::uuid AND s.year = $2 AND s.status = 'ACCEPTED' AND s."bankOrgId" = b.id AND f."parkId" = $4::uuid)::text END AS "parkAmountFen"
       FROM unnest($3::uuid[]) AS b(id)
      ORDER BY 1`,
    programId,
    YEAR,
    bankOrgIds,
    parkId,
  );
}

function simplify(rows: TTargetProgressRow[]): TExpected[] {
  return rows
    .map((r) => ({
      bankOrgId: r.bankOrgId,
      version: r.target?.version ?? null,
      targetAmountFen: r.target?.amountFen ?? null,
      targetBorrowers: r.target?.borrowers ?? null,
      amountFen: r.actual.amountFen,
      borrowers: r.actual.borrowers,
      firstLoans: r.actual.firstLoans,
      creditLoans: r.actual.creditLoans,
      parkAmountFen: r.parkAmountFen,
    }))
    .sort((a, b) => (a.bankOrgId < b.bankOrgId ? -1 : 1));
}

beforeAll(async () => {
  fresh = await createFreshDatabase("targets");
  await migrate(fresh.url, { onLog: () => {} });
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url }) });
  await seedDemoData(prisma, { referenceDate: "2026-11-27" });
  programId = (await prisma.program.findFirstOrThrow({ where: { year: YEAR }, select: { id: true } })).id;
  [finance, pbc, liaison, park, staff, manager] = await Promise.all([
    actor({ account: "finance.admin" }),
    actor({ account: "pbc.staff" }),
    actor({ account: "bank.liaison" }),
    actor({ account: "park.window" }),
    actor({ role: "FINANCE_STAFF" }),
    actor({ role: "BANK_MANAGER" }),
  ]);
}, 300_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await fresh?.drop();
});

describe("target against actual on the demo data", () => {
  it("seeds a target for every bank that filed a return, one of them changed once", async () => {
    const rows = await sql<{ banks: number; versions: number; max: number }>(
      `SELECT count(DISTINCT "bankOrgId")::int AS banks, count(*)::int AS versions, max(version) AS max FROM "BankCreditTarget" WHERE "programId" = $1::uuid AND year = $2`,
      programId,
      YEAR,
    );
    expect(rows[0]!.banks).toBeGreaterThan(5);
    expect(rows[0]!.max).toBe(2);
  });

  it("finance office and central bank: every bank paired for the year or given a target, numbers as the tables say", async () => {
    const ids = (
      await sql<{ id: string }>(
        `SELECT DISTINCT "bankOrgId"::text AS id FROM "ParkBankPairing" WHERE "programId" = $1::uuid AND year = $2
         UNION SELECT DISTINCT "bankOrgId"::text FROM "BankCreditTarget" WHERE "programId" = $1::uuid AND year = $2`,
        programId,
        YEAR,
      )
    ).map((r) => r.id);
    const rows = await readTargetProgress(prisma, finance, { programId, year: YEAR });
    expect(simplify(rows)).toEqual(await expected(ids));
    expect(simplify(await readTargetProgress(prisma, pbc, { programId, year: YEAR }))).toEqual(simplify(rows));
    // The demo shows both sides: targets with accepted returns, and a bank without a target.
    expect(rows.some((r) => r.target && r.actual.acceptedQuarters > 0 && r.attainment.amount !== null)).toBe(true);
    expect(rows.some((r) => r.target === null)).toBe(true);
  });

  it("a bank liaison sees its own line only: the branch that files for its sub-branch, with its target", async () => {
    const line = (
      await sql<{ id: string }>(
        `SELECT id::text FROM "Organization" WHERE id = $1::uuid OR id = (SELECT "parentId" FROM "Organization" WHERE id = $1::uuid)
            OR "parentId" = $1::uuid`,
        liaison.orgId,
      )
    ).map((r) => r.id);
    const rows = await readTargetProgress(prisma, liaison, { programId, year: YEAR });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(line).toContain(r.bankOrgId);
    const withData = (await expected(line)).filter((e) => e.version !== null || e.amountFen !== "0");
    expect(simplify(rows)).toEqual(withData);
    expect(rows[0]!.target).not.toBeNull();
  });

  it("a park sees the banks paired with it, with the part of each increment made in the park", async () => {
    const parkId = (await prisma.park.findUniqueOrThrow({ where: { orgId: park.orgId }, select: { id: true } })).id;
    const ids = (
      await sql<{ id: string }>(
        `SELECT "bankOrgId"::text AS id FROM "ParkBankPairing" WHERE "programId" = $1::uuid AND year = $2 AND "parkId" = $3::uuid AND "endedAt" IS NULL`,
        programId,
        YEAR,
        parkId,
      )
    ).map((r) => r.id);
    const rows = await readTargetProgress(prisma, park, { programId, year: YEAR });
    expect(rows.length).toBe(ids.length);
    expect(simplify(rows)).toEqual(await expected(ids, parkId));
  });

  it("reads nothing for an enterprise", async () => {
    const owner = await actor({ account: "enterprise.owner" });
    expect(await readTargetProgress(prisma, owner, { programId, year: YEAR })).toEqual([]);
  });
});

describe("the ranking's target indicators (Q3 2026 on the demo data)", () => {
  it("are each bank's new lending to date and households against its own target, and the attainment rule scores them", async () => {
    const now = new Date("2026-11-27T10:00:00+08:00");
    const inputs = await computeQuarterInputs(prisma, { programId, year: YEAR, quarter: 3, now });
    const rows = await sql<{ bankOrgId: string; target: string; ytd: string | null; borrowers: number | null; targetBorrowers: number }>(
      `SELECT t."bankOrgId"::text AS "bankOrgId", t."amountFen"::text AS target, t.borrowers AS "targetBorrowers",
              (SELECT sum(f."loanIncrementFen")::text FROM "QuarterlyParkFigure" f JOIN "QuarterlySubmission" s ON s.id = f."submissionId"
                WHERE s."programId" = $1::uuid AND s.year = $2 AND s.quarter <= 3 AND s.status IN ('SUBMITTED', 'ACCEPTED') AND s."bankOrgId" = t."bankOrgId") AS ytd,
              (SELECT sum(f.borrowers)::int FROM "QuarterlyParkFigure" f JOIN "QuarterlySubmission" s ON s.id = f."submissionId"
                WHERE s."programId" = $1::uuid AND s.year = $2 AND s.quarter = 3 AND s.status IN ('SUBMITTED', 'ACCEPTED') AND s."bankOrgId" = t."bankOrgId") AS borrowers
         FROM "BankCreditTarget" t
        WHERE t."programId" = $1::uuid AND t.year = $2 AND t."createdAt" <= $3
          AND t.version = (SELECT max(version) FROM "BankCreditTarget" x WHERE x."programId" = t."programId" AND x.year = t.year AND x."bankOrgId" = t."bankOrgId" AND x."createdAt" <= $3)`,
      programId,
      YEAR,
      now,
    );
    let scored = 0;
    for (const r of rows) {
      const bank = inputs.banks.find((b) => b.bankOrgId === r.bankOrgId);
      if (!bank) continue;
      if (r.ytd === null || r.borrowers === null) {
        expect(bank.values.loanTargetAttainment).toBeNull();
        continue;
      }
      const cut = (a: number, b: number) => Math.trunc((a * 10_000) / b) / 100;
      expect(bank.values.loanTargetAttainment).toBe(cut(Number(BigInt(r.ytd) / 10_000n), Number(BigInt(r.target) / 10_000n)));
      expect(bank.values.borrowersTargetAttainment).toBe(cut(r.borrowers, r.targetBorrowers));
      const points = scoreIndicator({ kind: "attainment", points: 10, floor: 0 }, bank.values.loanTargetAttainment);
      expect(points).toBeCloseTo(Math.min(10, Math.max(0, bank.values.loanTargetAttainment! / 10)), 1);
      scored++;
    }
    expect(scored).toBeGreaterThan(3);
    // The bank that never files has no target, so no value.
    const untargeted = inputs.banks.filter((b) => !rows.some((r) => r.bankOrgId === b.bankOrgId));
    for (const b of untargeted) expect(b.values.loanTargetAttainment).toBeNull();
  });
});

describe("setting a bank's credit target", () => {
  const form = (bankOrgId: string, basedOnVersion: string, amount = "8000") =>
    ZSetBankTargetInput.parse({
      programId,
      bankOrgId,
      basedOnVersion,
      amount,
      borrowers: "120",
      firstLoans: "20",
      creditLoans: "40",
      note: "",
    });

  it("only the finance office's administrator may set one; others are refused and nothing is written", async () => {
    const bankOrgId = manager.orgId;
    const before = await prisma.bankCreditTarget.count({ where: { bankOrgId } });
    const latest = await listTargetVersions(prisma, finance, { programId, year: YEAR, bankOrgId });
    const basedOn = String(latest?.versions[0]?.version ?? "");
    for (const who of [staff, pbc, manager, liaison, park]) {
      expect(await codeOf(setBankTarget(prisma, who, form(bankOrgId, basedOn), TEST_META))).toBe("forbidden");
    }
    expect(await prisma.bankCreditTarget.count({ where: { bankOrgId } })).toBe(before);
    expect(await listTargetVersions(prisma, manager, { programId, year: YEAR, bankOrgId })).toBeNull();
  });

  it("adds a new version on every change, audited with before and after; never edits the old one", async () => {
    const bankOrgId = manager.orgId;
    const history = await listTargetVersions(prisma, finance, { programId, year: YEAR, bankOrgId });
    const current = history!.versions[0]?.version ?? null;
    const set = await setBankTarget(prisma, finance, form(bankOrgId, current === null ? "" : String(current), "8123.45"), TEST_META);
    expect(set.version).toBe((current ?? 0) + 1);
    const after = await listTargetVersions(prisma, finance, { programId, year: YEAR, bankOrgId });
    expect(after!.versions.map((v) => v.version)).toEqual([set.version, ...history!.versions.map((v) => v.version)]);
    expect(after!.versions[0]).toMatchObject({ amountFen: "8123450000", borrowers: 120, firstLoans: 20, creditLoans: 40 });
    expect(after!.versions.slice(1)).toEqual(history!.versions);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "targets.bankTargetSet", targetId: bankOrgId },
      orderBy: { id: "desc" },
    });
    expect(audit.actorUserId).toBe(finance.userId);
    expect(audit.details).toMatchObject({ toVersion: set.version, after: { amountFen: "8123450000", borrowers: 120 } });
    // The bank's own view shows the new target in force.
    const mine = await readTargetProgress(prisma, manager, { programId, year: YEAR });
    expect(mine.find((r) => r.bankOrgId === bankOrgId)?.target).toMatchObject({ version: set.version, amountFen: "8123450000" });
  });

  it("refuses a form based on an older version, and one that changes nothing", async () => {
    const bankOrgId = manager.orgId;
    const current = (await listTargetVersions(prisma, finance, { programId, year: YEAR, bankOrgId }))!.versions[0]!.version;
    expect(await codeOf(setBankTarget(prisma, finance, form(bankOrgId, String(current - 1), "9000"), TEST_META))).toBe("conflict");
    expect(await codeOf(setBankTarget(prisma, finance, form(bankOrgId, String(current), "8123.45"), TEST_META))).toBe("targetUnchanged");
  });

  it("refuses figures that do not add up, and an organization that is not a bank", async () => {
    const bad = ZSetBankTargetInput.safeParse({
      programId,
      bankOrgId: manager.orgId,
      amount: "1.234",
      borrowers: "5",
      firstLoans: "6",
      creditLoans: "x",
    });
    expect(bad.success).toBe(false);
    const paths = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(paths).toMatchObject({ amount: "tooManyDecimals", firstLoans: "overBorrowers", creditLoans: "notInteger" });
    expect(await codeOf(setBankTarget(prisma, finance, form(park.orgId, ""), TEST_META))).toBe("notFound");
  });

  it("the table refuses UPDATE and DELETE: a target is changed by a new version only", async () => {
    await expect(prisma.$executeRawUnsafe(`UPDATE "BankCreditTarget" SET borrowers = borrowers + 1`)).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "BankCreditTarget"`)).rejects.toThrow(/append-only/);
  });
});
