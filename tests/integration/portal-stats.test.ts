/**
 * The public portal's headline numbers on the demo data, checked against counts written
 * here independently in SQL (a different formulation: calendar-year extraction, DISTINCT
 * ON for the first answer). A fresh database of its own: the run's shared database has
 * other tests' rows, and the seed only fills an empty one.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getHeadlineStats } from "@/lib/portal/queries/get-headline-stats";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { createFreshDatabase, withClient, type FreshDatabase } from "./harness";

const REFERENCE_DATE = "2026-11-27";

type TExpected = {
  handled: number;
  rated: number;
  satisfied: number;
  owed: number;
  onTime: number;
  loans: number;
  amount: string;
};

async function expectedFromSql(url: string, year: number, now: Date): Promise<TExpected> {
  return withClient(url, async (c) => {
    const submitted = await c.query<{ handled: string; rated: string; satisfied: string }>(
      `SELECT count(*) AS handled,
              count(rating) AS rated,
              count(*) FILTER (WHERE rating <> 'DISSATISFIED') AS satisfied
         FROM "Request"
        WHERE "submittedAt" IS NOT NULL AND "submittedAt" <= $2
          AND extract(year FROM "submittedAt" AT TIME ZONE 'Asia/Shanghai') = $1`,
      [year, now],
    );
    const replies = await c.query<{ owed: string; on_time: string }>(
      `WITH fwd AS (
         SELECT id, "dueAt" FROM "Request"
          WHERE "forwardedAt" IS NOT NULL AND "forwardedAt" <= $2
            AND extract(year FROM "forwardedAt" AT TIME ZONE 'Asia/Shanghai') = $1
       ),
       first_answer AS (
         SELECT DISTINCT ON ("requestId") "requestId", "occurredAt" AS at, (content->>'onTime')::boolean AS on_time
           FROM "LedgerEntry" WHERE action = 'ANSWER' AND "occurredAt" <= $2
          ORDER BY "requestId", seq
       ),
       first_withdrawal AS (
         SELECT DISTINCT ON ("requestId") "requestId", "occurredAt" AS at
           FROM "LedgerEntry" WHERE action = 'WITHDRAW' AND "occurredAt" <= $2
          ORDER BY "requestId", seq
       ),
       judged AS (
         SELECT CASE
                  WHEN a."requestId" IS NOT NULL THEN true
                  WHEN f."dueAt" IS NULL OR f."dueAt" > $2 THEN false
                  WHEN w.at IS NOT NULL AND w.at <= f."dueAt" THEN false
                  ELSE true
                END AS owed,
                CASE
                  WHEN a."requestId" IS NULL THEN false
                  WHEN a.on_time IS NOT NULL THEN a.on_time
                  ELSE a.at <= f."dueAt"
                END AS on_time
           FROM fwd f
           LEFT JOIN first_answer a ON a."requestId" = f.id
           LEFT JOIN first_withdrawal w ON w."requestId" = f.id
       )
       SELECT count(*) FILTER (WHERE owed) AS owed, count(*) FILTER (WHERE on_time) AS on_time FROM judged`,
      [year, now],
    );
    const loans = await c.query<{ loans: string; amount: string }>(
      `SELECT count(*) AS loans, coalesce(sum("amountFen"), 0)::text AS amount
         FROM "LoanOutcome"
        WHERE "createdAt" <= $2
          AND extract(year FROM coalesce("grantedOn", ("createdAt" AT TIME ZONE 'Asia/Shanghai')::date)) = $1`,
      [year, now],
    );
    const s = submitted.rows[0]!;
    const r = replies.rows[0]!;
    const l = loans.rows[0]!;
    return {
      handled: Number(s.handled),
      rated: Number(s.rated),
      satisfied: Number(s.satisfied),
      owed: Number(r.owed),
      onTime: Number(r.on_time),
      loans: Number(l.loans),
      amount: l.amount,
    };
  });
}

describe("public portal headline statistics (getHeadlineStats) on the demo data", () => {
  let db: FreshDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createFreshDatabase("portal_stats");
    await migrate(db.url, { onLog: () => {} });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
    await seedDemoData(prisma, { referenceDate: REFERENCE_DATE });
  }, 180_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  // The figures are the present state of the items (read models kept in each change's
  // transaction), so they are compared at the present: the reference day of the seed.
  const cases = [{ name: "on the reference day", now: new Date(`${REFERENCE_DATE}T10:00:00+08:00`), year: 2026 }];

  for (const c of cases) {
    it(`matches independent SQL ${c.name}`, async () => {
      const stats = await getHeadlineStats(prisma, c.now);
      const expected = await expectedFromSql(db.url, c.year, c.now);
      expect(stats.year).toBe(c.year);
      expect(stats.asOf).toBe(c.now.toISOString());
      expect({
        handled: stats.requestsHandled,
        rated: stats.rated,
        satisfied: stats.satisfied,
        owed: stats.repliesOwed,
        onTime: stats.repliedOnTime,
        loans: stats.loansGranted,
        amount: stats.loanAmountFen,
      }).toEqual(expected);
    });
  }

  it("has real numbers to show on the demo data (so the comparison above is not of zeros)", async () => {
    const stats = await getHeadlineStats(prisma, cases[0]!.now);
    expect(stats.requestsHandled).toBeGreaterThan(100);
    expect(stats.repliesOwed).toBeGreaterThan(50);
    expect(stats.repliedOnTime).toBeGreaterThan(0);
    expect(stats.repliedOnTime).toBeLessThan(stats.repliesOwed); // the demo has late answers
    expect(stats.rated).toBeGreaterThan(10);
    expect(stats.satisfied).toBeLessThan(stats.rated); // and dissatisfied ratings
    expect(stats.loansGranted).toBeGreaterThan(5);
    expect(BigInt(stats.loanAmountFen)).toBeGreaterThan(0n);
  });

  it("shows a change at once (no cache): a rating and a loan recorded now move the figures, still equal to the SQL", async () => {
    const now = cases[0]!.now;
    const before = await getHeadlineStats(prisma, now);
    const item = await prisma.request.findFirstOrThrow({
      where: { rating: null, submittedAt: { gte: new Date("2026-01-01T00:00:00+08:00"), lte: now }, assignedBankId: { not: null } },
      select: { id: true, enterpriseId: true, assignedBankId: true },
    });
    await prisma.request.update({ where: { id: item.id }, data: { rating: "DISSATISFIED" } });
    await prisma.loanOutcome.create({
      data: {
        requestId: item.id,
        enterpriseId: item.enterpriseId,
        bankOrgId: item.assignedBankId!,
        amountFen: 12_345_600n,
        annualRate: "3.4500",
        termMonths: 12,
        product: "流动资金贷款",
        grantedOn: new Date("2026-11-20"),
        createdAt: new Date("2026-11-20T10:00:00+08:00"),
      },
    });
    const after = await getHeadlineStats(prisma, now);
    expect(after.rated).toBe(before.rated + 1);
    expect(after.satisfied).toBe(before.satisfied);
    expect(after.loansGranted).toBe(before.loansGranted + 1);
    expect(BigInt(after.loanAmountFen)).toBe(BigInt(before.loanAmountFen) + 12_345_600n);
    const expected = await expectedFromSql(db.url, 2026, now);
    expect({
      handled: after.requestsHandled,
      rated: after.rated,
      satisfied: after.satisfied,
      owed: after.repliesOwed,
      onTime: after.repliedOnTime,
      loans: after.loansGranted,
      amount: after.loanAmountFen,
    }).toEqual(expected);
  });

  it("counts nothing in a year with no activity, and the result is plain JSON for a cache", async () => {
    const stats = await getHeadlineStats(prisma, new Date("2024-06-01T12:00:00+08:00"));
    expect(stats).toEqual({
      year: 2024,
      asOf: "2024-06-01T04:00:00.000Z",
      requestsHandled: 0,
      repliesOwed: 0,
      repliedOnTime: 0,
      rated: 0,
      satisfied: 0,
      loansGranted: 0,
      loanAmountFen: "0",
    });
    expect(JSON.parse(JSON.stringify(stats))).toEqual(stats);
  });
});
