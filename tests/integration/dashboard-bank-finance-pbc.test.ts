/**
 * The bank, finance-office and central-bank dashboards on the demo data (a fresh database
 * of its own, seeded for 2026-11-27): every number the dashboard queries return is
 * compared with a value computed here straight from the tables, in SQL written apart from
 * the query code (per-item subqueries and plain sums rather than the queries' CTEs).
 * Before reading, the test computes and publishes the Q2 ranking and drafts the Q3 one
 * (reviewed by the finance office), so the score trend and the ranking under review have
 * something to show.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { loadBankDashboard, type TBankDashboard } from "@/lib/dashboard/queries/load-bank-dashboard";
import { loadFinanceDashboard, type TFinanceDashboard } from "@/lib/dashboard/queries/load-finance-dashboard";
import { loadPbcDashboard, type TPbcDashboard } from "@/lib/dashboard/queries/load-pbc-dashboard";
import { computeDraftRanking } from "@/lib/ranking/mutations/compute-draft-ranking";
import { publishRanking, reviewRanking } from "@/lib/ranking/mutations/review-ranking";
import { quarterWindow, type TQuarterWindow } from "@/lib/ranking/quarter-window";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { expectedQuarterRates } from "./expected-quarter-rates";
import { createFreshDatabase, type FreshDatabase } from "./harness";

const NOW = new Date("2026-11-27T10:00:00+08:00");
const Q3 = quarterWindow(2026, 3);
const Q4 = quarterWindow(2026, 4);

let fresh: FreshDatabase;
let prisma: PrismaClient;
let liaison: TActorSource;
let finance: TActorSource;
let pbc: TActorSource;
let programId: string;
let bank: TBankDashboard;
let fin: TFinanceDashboard;
let central: TPbcDashboard;

async function actor(account: string): Promise<TActorSource> {
  const u = await prisma.user.findUniqueOrThrow({
    where: { account },
    select: { id: true, role: true, orgId: true, org: { select: { kind: true } } },
  });
  return { userId: u.id, role: u.role, orgId: u.orgId, orgKind: u.org.kind };
}

const sql = <T>(text: string, ...values: unknown[]) => prisma.$queryRawUnsafe<T[]>(text, ...values);
const count = async (text: string, ...values: unknown[]) => Number((await sql<{ n: bigint | number }>(text, ...values))[0]!.n);

/** The liaison's organization and every bank below it, walked one level at a time in JS. */
async function subtree(orgId: string): Promise<string[]> {
  const out = [orgId];
  for (let i = 0; i < out.length; i++) {
    const kids = await sql<{ id: string }>(`SELECT id::text FROM "Organization" WHERE "parentId" = $1::uuid AND kind = 'BANK'`, out[i]);
    out.push(...kids.map((k) => k.id));
  }
  return out;
}

/** Reply and satisfaction rates the ranking's way, item by item, at NOW (./expected-quarter-rates.ts). */
const expectedRates = (window: TQuarterWindow, bankIds: string[] | null) =>
  expectedQuarterRates(prisma, { programId, window, cutoff: NOW, bankIds });

beforeAll(async () => {
  fresh = await createFreshDatabase("dashboards");
  await migrate(fresh.url, { onLog: () => {} });
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url }) });
  await seedDemoData(prisma, { referenceDate: "2026-11-27" });
  [liaison, finance, pbc] = await Promise.all([actor("bank.liaison"), actor("finance.admin"), actor("pbc.staff")]);
  programId = (await prisma.program.findFirstOrThrow({ where: { year: 2026 }, select: { id: true } })).id;
  const financeActor = { ...finance },
    pbcActor = { ...pbc };
  const q2 = await computeDraftRanking(prisma, financeActor, { programId, year: 2026, quarter: 2 }, { now: NOW });
  await reviewRanking(prisma, financeActor, q2.rankingId, { now: NOW });
  await reviewRanking(prisma, pbcActor, q2.rankingId, { now: NOW });
  await publishRanking(prisma, financeActor, q2.rankingId, { now: NOW });
  const q3 = await computeDraftRanking(prisma, financeActor, { programId, year: 2026, quarter: 3 }, { now: NOW });
  await reviewRanking(prisma, financeActor, q3.rankingId, { now: NOW });
  [bank, fin, central] = await Promise.all([
    loadBankDashboard(prisma, liaison, { now: NOW }),
    loadFinanceDashboard(prisma, finance, { now: NOW }),
    loadPbcDashboard(prisma, pbc, { now: NOW }),
  ]);
}, 300_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await fresh?.drop();
});

describe("bank liaison dashboard (bank.liaison, a sub-branch)", () => {
  const RUNNING = `r.status IN ('FORWARDED', 'SIGNED', 'ESCALATED') AND r."answeredAt" IS NULL`;

  it("counts red, yellow and normal inbox items as the tables say", async () => {
    const ids = await subtree(liaison.orgId);
    const red = await count(
      `SELECT count(*) AS n FROM "Request" r WHERE ${RUNNING} AND r."assignedBankId" = ANY($1::uuid[]) AND r."dueAt" < $2`,
      ids,
      NOW,
    );
    const yellow = await count(
      `SELECT count(*) AS n FROM "Request" r WHERE ${RUNNING} AND r."assignedBankId" = ANY($1::uuid[]) AND r."dueAt" >= $2
         AND (r."dueAt" AT TIME ZONE 'Asia/Shanghai')::date = ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`,
      ids,
      NOW,
    );
    const all = await count(`SELECT count(*) AS n FROM "Request" r WHERE ${RUNNING} AND r."assignedBankId" = ANY($1::uuid[])`, ids);
    expect(red).toBeGreaterThan(0); // the demo liaison has an overdue item
    expect(bank.inbox).toMatchObject({ red, yellow, normal: all - red - yellow });
  });

  it("lists the most urgent running items first (earliest deadline first)", async () => {
    const ids = await subtree(liaison.orgId);
    const rows = await sql<{ serial: string }>(
      `SELECT serial FROM "Request" r WHERE ${RUNNING} AND r."assignedBankId" = ANY($1::uuid[]) ORDER BY r."dueAt" ASC NULLS LAST, serial LIMIT 5`,
      ids,
    );
    expect(bank.inbox.top.map((i) => i.serial)).toEqual(rows.map((r) => r.serial));
    expect(bank.inbox.top[0]!.deadline?.tone).toBe("red");
  });

  it("gives this quarter's reply and on-time rates of the sub-branch and its branches", async () => {
    const expected = await expectedRates(Q4, await subtree(liaison.orgId));
    expect(expected.received).toBeGreaterThan(0);
    expect(bank.rates).toEqual(expected);
  });

  it("shows the last quarter's submissions of its own banks only (the pairing is held by the head bank)", async () => {
    const ids = await subtree(liaison.orgId);
    const paired = await count(
      `SELECT count(DISTINCT "bankOrgId") AS n FROM "ParkBankPairing" WHERE "programId" = $1::uuid AND "bankOrgId" = ANY($2::uuid[])
         AND ("endedAt" IS NULL OR "endedAt" >= $3)`,
      programId,
      ids,
      Q3.start,
    );
    expect(bank.submissions).toHaveLength(paired);
    expect(bank.current).toMatchObject({ year: 2026, quarter: 4 });
    expect(bank.lastEnded).toMatchObject({ year: 2026, quarter: 3 });
  });

  it("shows the parent ranked bank's published score and rank, and says it is not its own", async () => {
    const rows = await sql<{ id: string; score: string; rank: number; quarter: number }>(
      `WITH RECURSIVE up AS (SELECT id, "parentId" FROM "Organization" WHERE id = $1::uuid
                             UNION ALL SELECT o.id, o."parentId" FROM "Organization" o JOIN up ON o.id = up."parentId")
       SELECT e."bankOrgId"::text AS id, e."totalScore"::text AS score, e.rank, k.quarter
         FROM "RankingEntry" e JOIN "Ranking" k ON k.id = e."rankingId"
        WHERE k.status = 'PUBLISHED' AND e."bankOrgId" IN (SELECT id FROM up) ORDER BY k.year, k.quarter`,
      liaison.orgId,
    );
    expect(rows.length).toBe(1);
    expect(bank.trend).toMatchObject({ bankOrgId: rows[0]!.id, ownBank: false });
    expect(bank.trend!.points.map((p) => [p.quarter, p.score, p.rank])).toEqual(rows.map((r) => [r.quarter, Number(r.score), r.rank]));
  });
});

describe("finance office dashboard (finance.admin)", () => {
  it("counts every submitted item by state", async () => {
    const rows = await sql<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM "Request" WHERE status <> 'DRAFT' GROUP BY status`,
    );
    const expected = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    for (const [status, n] of Object.entries(fin.byStatus)) expect([status, n]).toEqual([status, expected[status] ?? 0]);
    expect(Object.values(fin.byStatus).reduce((a, b) => a + b, 0)).toBe(rows.reduce((a, r) => a + r.n, 0));
  });

  it("puts every overdue item in the cell of its head bank and park", async () => {
    const rows = await sql<{ head: string; park: string; n: number }>(
      `WITH RECURSIVE up(start_id, id, parent) AS (
         SELECT o.id, o.id, o."parentId" FROM "Organization" o WHERE o.kind = 'BANK'
         UNION ALL SELECT up.start_id, o.id, o."parentId" FROM up JOIN "Organization" o ON o.id = up.parent)
       SELECT up.id::text AS head, r."parkId"::text AS park, count(*)::int AS n
         FROM "Request" r JOIN up ON up.start_id = r."assignedBankId" AND up.parent IS NULL
        WHERE r.status IN ('FORWARDED', 'SIGNED', 'ESCALATED') AND r."answeredAt" IS NULL AND r."dueAt" < $1
        GROUP BY 1, 2`,
      NOW,
    );
    const key = (c: { bankOrgId: string; parkId: string; count: number }) => `${c.bankOrgId}/${c.parkId}/${c.count}`;
    expect(fin.overdue.cells.map(key).sort()).toEqual(rows.map((r) => key({ bankOrgId: r.head, parkId: r.park, count: r.n })).sort());
    expect(fin.overdue.total).toBeGreaterThan(0);
    expect(fin.overdue.banks.reduce((s, b) => s + b.total, 0)).toBe(fin.overdue.total);
    expect(fin.overdue.parks.reduce((s, p) => s + p.total, 0)).toBe(fin.overdue.total);
  });

  it("counts the supervision queue's tabs", async () => {
    const running = `status IN ('FORWARDED', 'SIGNED', 'ESCALATED') AND "answeredAt" IS NULL`;
    expect(fin.supervision).toEqual({
      supervision: await count(
        `SELECT count(*) AS n FROM "Request" WHERE status = 'ESCALATED' OR (${running} AND ("dueAt" < $1 OR "escalationReason" = 'PASSED'))`,
        NOW,
      ),
      disputes: await count(`SELECT count(*) AS n FROM "Request" WHERE status = 'RETURNED' AND "returnDisputedAt" IS NOT NULL`),
      withdrawals: await count(
        `SELECT count(*) AS n FROM "Request" WHERE status = 'WITHDRAWN' AND "withdrawnAfterAnswer" AND "withdrawalCheckedAt" IS NULL`,
      ),
      bulletin: await count(
        `SELECT count(*) AS n FROM "Request" r WHERE r."inBulletin" AND EXISTS (SELECT 1 FROM "LedgerEntry" e WHERE e."requestId" = r.id AND e.action = 'BULLETIN' AND e."occurredAt" >= $1 AND e."occurredAt" < $2)`,
        Q4.start,
        Q4.end,
      ),
    });
  });

  it("shows the last complete quarter's stored ranking: status, reviews, top three, bottom list", async () => {
    const [r] = await sql<{ id: string; status: string; fin: boolean; pbc: boolean }>(
      `SELECT id::text, status::text, "financeReviewedAt" IS NOT NULL AS fin, "pbcReviewedAt" IS NOT NULL AS pbc FROM "Ranking" WHERE year = 2026 AND quarter = 3 ORDER BY "computedAt" DESC LIMIT 1`,
    );
    // A bank counts as placed when it has a handed-in return for the quarter; the others are
    // listed apart (docs/decisions/017-missing-quarterly-return.md).
    const entries = await sql<{ bank: string; rank: number; bottom: boolean; filed: boolean }>(
      `SELECT e."bankOrgId"::text AS bank, e.rank, e."bottomList" AS bottom,
              EXISTS (SELECT 1 FROM "QuarterlySubmission" s WHERE s."bankOrgId" = e."bankOrgId" AND s.year = 2026 AND s.quarter = 3
                         AND s.status IN ('SUBMITTED', 'ACCEPTED')) AS filed
         FROM "RankingEntry" e WHERE e."rankingId" = $1::uuid ORDER BY e.rank, e."bankOrgId"`,
      r!.id,
    );
    expect(fin.ranking).toMatchObject({
      id: r!.id,
      status: r!.status,
      financeReviewed: r!.fin,
      pbcReviewed: r!.pbc,
      banks: entries.filter((e) => e.filed).length,
      notFiled: entries.filter((e) => !e.filed).length,
    });
    expect(entries.filter((e) => !e.filed).every((e) => !e.bottom)).toBe(true);
    expect(fin.ranking!.status).toBe("UNDER_REVIEW");
    expect(fin.ranking!.top.map((e) => e.bankOrgId)).toEqual(entries.slice(0, 3).map((e) => e.bank));
    expect(fin.ranking!.bottom.map((e) => e.bankOrgId)).toEqual(entries.filter((e) => e.bottom).map((e) => e.bank));
  });

  it("warns about the missing calendar, missing pairings and missing or late submissions", async () => {
    const published = await sql<{ year: number }>(`SELECT year FROM "CalendarYear" WHERE "publishedAt" IS NOT NULL`);
    const years = new Set(published.map((p) => p.year));
    expect(fin.calendarMissingYear).toBe(!years.has(2026) ? 2026 : !years.has(2027) ? 2027 : null);

    const parksWithoutMain = await count(
      `SELECT count(*) AS n FROM "Park" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.active AND NOT EXISTS (
         SELECT 1 FROM "ParkBankPairing" x WHERE x."parkId" = p.id AND x."programId" = $1::uuid AND x.year = 2026 AND x."endedAt" IS NULL AND x.role = 'MAIN')`,
      programId,
    );
    const banksWithoutOne = await count(
      `SELECT count(*) AS n FROM "Organization" o WHERE o.kind = 'BANK' AND o.active AND o."bankLevel" IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM "EnterpriseBankPairing" x WHERE x."bankOrgId" = o.id AND x."programId" = $1::uuid AND x.year = 2026 AND x."endedAt" IS NULL)`,
      programId,
    );
    expect(fin.compliance?.parksWithoutMainBank).toHaveLength(parksWithoutMain);
    expect(fin.compliance?.banksWithoutOneOnOne).toHaveLength(banksWithoutOne);

    const banks = await sql<{ bank: string; submitted: Date | null; late: boolean | null }>(
      `SELECT b.bank::text, s."submittedAt" AS submitted, s.late FROM (
         SELECT "bankOrgId" AS bank FROM "ParkBankPairing" WHERE "programId" = $1::uuid AND ("endedAt" IS NULL OR "endedAt" >= $2)
         UNION SELECT "bankOrgId" FROM "QuarterlySubmission" WHERE "programId" = $1::uuid AND year = 2026 AND quarter = 3) b
       LEFT JOIN "QuarterlySubmission" s ON s."bankOrgId" = b.bank AND s."programId" = $1::uuid AND s.year = 2026 AND s.quarter = 3`,
      programId,
      Q3.start,
    );
    // Q3's submissions were due in October: at NOW every bank that has not handed in is overdue.
    expect(fin.submissions).toEqual({
      expected: banks.length,
      missing: banks.filter((b) => b.submitted === null).length,
      late: banks.filter((b) => b.submitted !== null && b.late).length,
      open: 0,
    });
    expect(fin.submissions!.missing).toBeGreaterThan(0);
  });
});

describe("central bank dashboard (pbc.staff)", () => {
  it("sums the loan figures of handed-in submissions by bank and by park", async () => {
    const figures = await sql<{
      year: number;
      quarter: number;
      bank: string;
      park: string;
      balance: string;
      increment: string;
      borrowers: number;
      first: number;
      credit: number;
    }>(
      `SELECT s.year, s.quarter, s."bankOrgId"::text AS bank, f."parkId"::text AS park, f."loanBalanceFen"::text AS balance,
              f."loanIncrementFen"::text AS increment, f.borrowers, f."firstLoans" AS first, f."creditLoans" AS credit
         FROM "QuarterlyParkFigure" f JOIN "QuarterlySubmission" s ON s.id = f."submissionId"
        WHERE s."programId" = $1::uuid AND s.status IN ('SUBMITTED', 'ACCEPTED')`,
      programId,
    );
    expect(figures.length).toBeGreaterThan(0);
    const sumBy = (key: (f: (typeof figures)[number]) => string) => {
      const m = new Map<string, { balance: bigint; increment: bigint; borrowers: number; first: number; credit: number }>();
      for (const f of figures) {
        const k = `${f.year}-${f.quarter}/${key(f)}`;
        const s = m.get(k) ?? { balance: 0n, increment: 0n, borrowers: 0, first: 0, credit: 0 };
        s.balance += BigInt(f.balance);
        s.increment += BigInt(f.increment);
        s.borrowers += f.borrowers;
        s.first += f.first;
        s.credit += f.credit;
        m.set(k, s);
      }
      return [...m.entries()].map(([k, s]) => `${k}/${s.balance}/${s.increment}/${s.borrowers}/${s.first}/${s.credit}`).sort();
    };
    const line = (
      k: string,
      s: {
        balanceFen: string;
        incrementFen: string;
        borrowers: number;
        firstLoans: number;
        creditLoans: number;
        year: number;
        quarter: number;
      },
    ) => `${s.year}-${s.quarter}/${k}/${s.balanceFen}/${s.incrementFen}/${s.borrowers}/${s.firstLoans}/${s.creditLoans}`;
    expect(central.figures.byBank.map((b) => line(b.bankOrgId, b)).sort()).toEqual(sumBy((f) => f.bank));
    expect(central.figures.byPark.map((p) => line(p.parkId, p)).sort()).toEqual(sumBy((f) => f.park));
  });

  it("gives the city-wide reply and satisfaction rates of this quarter and the last", async () => {
    expect(central.rates?.current).toEqual(await expectedRates(Q4, null));
    expect(central.rates?.lastEnded).toEqual(await expectedRates(Q3, null));
    expect(central.rates!.lastEnded.rated).toBeGreaterThan(0);
  });

  it("links the ranking under review (the newest one not published)", async () => {
    const [r] = await sql<{ id: string }>(
      `SELECT id::text FROM "Ranking" WHERE status <> 'PUBLISHED' ORDER BY year DESC, quarter DESC, "computedAt" DESC LIMIT 1`,
    );
    expect(central.ranking?.id).toBe(r!.id);
    expect(central.ranking).toMatchObject({ year: 2026, quarter: 3, financeReviewed: true, pbcReviewed: false });
  });

  it("gives a bank user none of the city-wide figures", async () => {
    const asBank = await loadPbcDashboard(prisma, liaison, { now: NOW });
    expect(asBank.figures.byBank).toEqual([]);
    expect(asBank.rates).toBeNull();
    expect(asBank.ranking).toBeNull();
    const asBankFinance = await loadFinanceDashboard(prisma, liaison, { now: NOW });
    expect(asBankFinance.overdue.total).toBe(0);
    expect(asBankFinance.compliance).toBeNull();
  });
});

describe("speed on the demo data", () => {
  it("each dashboard's queries answer in under 300 ms (median of 9)", async () => {
    const median = async (load: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 9; i++) {
        const start = performance.now();
        await load();
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[4]!;
    };
    const ms = {
      bank: await median(() => loadBankDashboard(prisma, liaison, { now: NOW })),
      finance: await median(() => loadFinanceDashboard(prisma, finance, { now: NOW })),
      pbc: await median(() => loadPbcDashboard(prisma, pbc, { now: NOW })),
    };
    console.info(
      `dashboard query medians (ms): ${JSON.stringify(Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v)])))}`,
    );
    for (const v of Object.values(ms)) expect(v).toBeLessThan(300);
  });
});
