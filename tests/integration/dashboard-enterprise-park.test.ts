/**
 * The enterprise and park-window dashboards on the demo data: every
 * number the dashboard queries return is compared with a count written here directly in
 * SQL, independently of the query code. A fresh database of its own (the seed only fills
 * an empty one), seeded for "today" = 2026-11-27, plus three loans of the demo enterprise
 * so the renewal reminder has something to find and something to leave out.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import {
  getEnterpriseDashboard,
  OPEN_LIMIT,
  RECENT_CLOSED,
  type TEnterpriseDashboard,
} from "@/lib/dashboard/queries/get-enterprise-dashboard";
import { getParkDashboard, OLDEST_SHOWN, type TParkDashboard } from "@/lib/dashboard/queries/get-park-dashboard";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { createFreshDatabase, type FreshDatabase } from "./harness";

const TODAY = "2026-11-27";
const NOW = new Date("2026-11-27T02:30:00Z"); // 10:30 in Shanghai

let db: FreshDatabase;
let prisma: PrismaClient;
let owner: TActorSource;
let window: TActorSource;
let enterpriseId: string;
let parkId: string;
let ent: TEnterpriseDashboard;
let park: TParkDashboard;

async function actor(account: string): Promise<TActorSource> {
  const u = await prisma.user.findUniqueOrThrow({
    where: { account },
    select: { id: true, role: true, orgId: true, org: { select: { kind: true } } },
  });
  return { userId: u.id, role: u.role, orgId: u.orgId, orgKind: u.org.kind };
}

async function sql<T>(query: string, ...params: unknown[]): Promise<T[]> {
  return prisma.$queryRawUnsafe<T[]>(query, ...params);
}

async function one(query: string, ...params: unknown[]): Promise<number> {
  const rows = await sql<{ n: number }>(query, ...params);
  return Number(rows[0]!.n);
}

// Working days strictly after `from`'s Shanghai day up to and including `to`'s, from the
// calendar rows: Mon–Fri unless a holiday, plus the weekend days made working days.
const WORKING_DAYS_SQL = `
  SELECT count(*)::int AS n
    FROM generate_series((($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date + 1), ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, interval '1 day') g(d)
   WHERE (extract(isodow FROM g.d) < 6 AND g.d::date NOT IN (SELECT date FROM "CalendarDay" WHERE kind = 'HOLIDAY'))
      OR g.d::date IN (SELECT date FROM "CalendarDay" WHERE kind = 'WORKDAY')`;

beforeAll(async () => {
  db = await createFreshDatabase("dashboards_ep");
  await migrate(db.url, { onLog: () => {} });
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
  await seedDemoData(prisma, { referenceDate: TODAY });
  owner = await actor("enterprise.owner");
  window = await actor("park.window");
  enterpriseId = (await prisma.enterprise.findUniqueOrThrow({ where: { orgId: owner.orgId }, select: { id: true } })).id;
  parkId = (await prisma.park.findUniqueOrThrow({ where: { orgId: window.orgId }, select: { id: true } })).id;

  // Loans of the demo enterprise: one inside the renewal window, one beyond it, one not
  // yet disbursed (the reminder is about money the enterprise has).
  const bank = await prisma.organization.findFirstOrThrow({ where: { kind: "BANK" }, select: { id: true } });
  const loan = (maturesOn: string, disbursed: boolean) => ({
    bankOrgId: bank.id,
    enterpriseId,
    amountFen: 300_000_000n,
    annualRate: "3.4500",
    termMonths: 12,
    product: "测试续贷",
    disbursedOn: disbursed ? new Date("2025-12-20T00:00:00Z") : null,
    maturesOn: new Date(`${maturesOn}T00:00:00Z`),
  });
  await prisma.loanOutcome.createMany({ data: [loan("2026-12-10", true), loan("2027-03-01", true), loan("2026-12-05", false)] });

  [ent, park] = await Promise.all([
    getEnterpriseDashboard(prisma, owner, NOW).then((d) => d!),
    getParkDashboard(prisma, window, NOW).then((d) => d!),
  ]);
}, 240_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe("enterprise dashboard of enterprise.owner", () => {
  it("counts its items by state as the table does", async () => {
    const rows = await sql<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM "Request" WHERE "enterpriseId" = $1::uuid GROUP BY status`,
      enterpriseId,
    );
    const expected = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    for (const c of ent.counts) expect([c.status, c.count]).toEqual([c.status, expected[c.status] ?? 0]);
    expect(ent.total).toBe(rows.reduce((s, r) => s + r.n, 0));
    // The demo enterprise has an item in every state: the check is not 0 = 0.
    expect(ent.counts.every((c) => c.count > 0)).toBe(true);
  });

  it("tracks exactly its open items, and the last closed ones", async () => {
    const open = await sql<{ id: string; status: string }>(
      `SELECT id::text, status::text FROM "Request" WHERE "enterpriseId" = $1::uuid AND status NOT IN ('DRAFT', 'CLOSED', 'WITHDRAWN')`,
      enterpriseId,
    );
    expect(ent.openTotal).toBe(open.length);
    expect(open.length).toBeLessThanOrEqual(OPEN_LIMIT);
    expect(new Map(ent.open.map((i) => [i.id, i.status as string]))).toEqual(new Map(open.map((r) => [r.id, r.status])));
    const closed = await sql<{ id: string }>(
      `SELECT id::text FROM "Request" WHERE "enterpriseId" = $1::uuid AND status IN ('CLOSED', 'WITHDRAWN')
        ORDER BY "closedAt" DESC NULLS LAST, "updatedAt" DESC, id LIMIT ${RECENT_CLOSED}`,
      enterpriseId,
    );
    expect(ent.recentClosed.map((i) => i.id)).toEqual(closed.map((r) => r.id));
  });

  it("shows the deadline of items with a running clock, red exactly when overdue", async () => {
    const withClock = await one(
      `SELECT count(*)::int AS n FROM "Request" WHERE "enterpriseId" = $1::uuid AND status IN ('FORWARDED', 'SIGNED', 'ESCALATED') AND "dueAt" IS NOT NULL`,
      enterpriseId,
    );
    const overdue = await one(
      `SELECT count(*)::int AS n FROM "Request" WHERE "enterpriseId" = $1::uuid AND status IN ('FORWARDED', 'SIGNED', 'ESCALATED') AND "dueAt" < $2::timestamptz`,
      enterpriseId,
      NOW.toISOString(),
    );
    expect(ent.open.filter((i) => i.deadline).length).toBe(withClock);
    expect(ent.open.filter((i) => i.deadline?.tone === "red").length).toBe(overdue);
    expect(overdue).toBeGreaterThan(0);
  });

  it("lists what the enterprise must do: documents, returned items, ratings, drafts", async () => {
    const docs = await sql<{ id: string }>(
      `SELECT id::text FROM "Request" WHERE "enterpriseId" = $1::uuid AND status = 'ANSWERED' AND "answerKind" = 'NEEDS_DOCUMENTS'`,
      enterpriseId,
    );
    expect(ent.documentsRequested.map((i) => i.id).sort()).toEqual(docs.map((r) => r.id).sort());
    expect(docs.length).toBeGreaterThan(0);
    const returned = await one(
      `SELECT count(*)::int AS n FROM "Request" WHERE "enterpriseId" = $1::uuid AND status = 'RETURNED'`,
      enterpriseId,
    );
    expect(ent.open.filter((i) => i.todo === "completeReturned").length).toBe(returned);
    const toRate = await one(
      `SELECT count(*)::int AS n FROM "Request" WHERE "enterpriseId" = $1::uuid AND status = 'ANSWERED' AND "answerKind" IS DISTINCT FROM 'NEEDS_DOCUMENTS'`,
      enterpriseId,
    );
    expect(ent.open.filter((i) => i.todo === "rate").length).toBe(toRate);
    const drafts = await one(`SELECT count(*)::int AS n FROM "Request" WHERE "enterpriseId" = $1::uuid AND status = 'DRAFT'`, enterpriseId);
    expect(ent.draftTotal).toBe(drafts);
    expect(ent.drafts.length).toBe(Math.min(drafts, 5));
  });

  it("reminds of the loans maturing within the renewal lead time, and of unread notifications", async () => {
    const lead = await one(
      `SELECT v."renewalLeadDays" AS n FROM "ProgramRuleVersion" v JOIN "Program" p ON p.id = v."programId"
        WHERE p.year = 2026 AND p.active ORDER BY p."createdAt" DESC, v.version DESC LIMIT 1`,
    );
    expect(ent.renewalLeadDays).toBe(lead);
    const loans = await sql<{ id: string }>(
      `SELECT id::text FROM "LoanOutcome" WHERE "enterpriseId" = $1::uuid AND "disbursedOn" IS NOT NULL
          AND "maturesOn" > $2::date AND "maturesOn" <= $2::date + $3::int`,
      enterpriseId,
      TODAY,
      lead,
    );
    expect(ent.maturingLoans.map((l) => l.id).sort()).toEqual(loans.map((l) => l.id).sort());
    expect(loans.length).toBeGreaterThan(0);
    const unread = await one(`SELECT count(*)::int AS n FROM "Notification" WHERE "userId" = $1::uuid AND "readAt" IS NULL`, owner.userId);
    expect(ent.unreadNotifications).toBe(unread);
  });

  it("is nothing for an actor that is not an enterprise user", async () => {
    expect(await getEnterpriseDashboard(prisma, window, NOW)).toBeNull();
    expect(await getParkDashboard(prisma, owner, NOW)).toBeNull();
  });
});

describe("park dashboard of park.window", () => {
  it("shows the review queue: its count and the oldest items with their working days waiting", async () => {
    expect(park.queue.total).toBe(
      await one(`SELECT count(*)::int AS n FROM "Request" WHERE "parkId" = $1::uuid AND status = 'SUBMITTED'`, parkId),
    );
    const oldest = await sql<{ id: string; submittedAt: Date }>(
      `SELECT id::text, "submittedAt" FROM "Request" WHERE "parkId" = $1::uuid AND status = 'SUBMITTED' ORDER BY "submittedAt", id LIMIT ${OLDEST_SHOWN}`,
      parkId,
    );
    expect(park.queue.oldest.map((r) => r.id)).toEqual(oldest.map((r) => r.id));
    expect(oldest.length).toBeGreaterThan(0);
    for (const [i, r] of oldest.entries()) {
      expect(park.queue.oldest[i]!.workingDaysWaiting).toBe(await one(WORKING_DAYS_SQL, r.submittedAt.toISOString(), NOW.toISOString()));
    }
  });

  it("counts pending registrations and the problem list by state (no drafts)", async () => {
    expect(park.pendingRegistrations).toBe(
      await one(`SELECT count(*)::int AS n FROM "Enterprise" WHERE "parkId" = $1::uuid AND "registrationStatus" = 'PENDING'`, parkId),
    );
    const rows = await sql<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM "Request" WHERE "parkId" = $1::uuid AND status <> 'DRAFT' GROUP BY status`,
      parkId,
    );
    const expected = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect(park.counts.map((c) => c.status)).not.toContain("DRAFT");
    for (const c of park.counts) expect([c.status, c.count]).toEqual([c.status, expected[c.status] ?? 0]);
    expect(park.total).toBe(rows.reduce((s, r) => s + r.n, 0));
  });

  it("lists the items overdue at banks, oldest deadline first", async () => {
    const overdue = await sql<{ id: string; dueAt: Date }>(
      `SELECT id::text, "dueAt" FROM "Request" WHERE "parkId" = $1::uuid AND status IN ('FORWARDED', 'SIGNED') AND "dueAt" < $2::timestamptz
        ORDER BY "dueAt", id`,
      parkId,
      NOW.toISOString(),
    );
    expect(park.overdue.total).toBe(overdue.length);
    expect(overdue.length).toBeGreaterThan(0);
    expect(park.overdue.oldest.map((r) => r.id)).toEqual(overdue.slice(0, OLDEST_SHOWN).map((r) => r.id));
    expect(park.overdue.oldest[0]!.workingDaysOverdue).toBe(
      await one(WORKING_DAYS_SQL, overdue[0]!.dueAt.toISOString(), NOW.toISOString()),
    );
  });

  it("counts the park's active enterprises by support class", async () => {
    const rows = await sql<{ c: string | null; n: number }>(
      `SELECT e."supportClass"::text AS c, count(*)::int AS n FROM "Enterprise" e JOIN "Organization" o ON o.id = e."orgId"
        WHERE e."parkId" = $1::uuid AND o.active GROUP BY e."supportClass"`,
      parkId,
    );
    const expected = Object.fromEntries(rows.map((r) => [r.c ?? "NONE", r.n]));
    for (const c of park.enterprises.byClass) expect([c.supportClass, c.count]).toEqual([c.supportClass, expected[c.supportClass] ?? 0]);
    expect(park.enterprises.total).toBe(rows.reduce((s, r) => s + r.n, 0));
    expect(park.enterprises.total).toBeGreaterThan(0);
  });

  it("sums the banks' handed-in quarterly figures for the park, this quarter and the last complete one", async () => {
    expect(park.figures.map((f) => [f.year, f.quarter, f.complete])).toEqual([
      [2026, 4, false],
      [2026, 3, true],
    ]);
    for (const table of park.figures) {
      const [row] = await sql<{
        banks: number;
        balance: string | null;
        increment: string | null;
        borrowers: number | null;
        first: number | null;
        credit: number | null;
      }>(
        `SELECT count(*)::int AS banks, sum(f."loanBalanceFen")::text AS balance, sum(f."loanIncrementFen")::text AS increment,
                sum(f.borrowers)::int AS borrowers, sum(f."firstLoans")::int AS first, sum(f."creditLoans")::int AS credit
           FROM "QuarterlyParkFigure" f JOIN "QuarterlySubmission" s ON s.id = f."submissionId"
          WHERE f."parkId" = $1::uuid AND s.year = $2 AND s.quarter = $3 AND s.status IN ('SUBMITTED', 'ACCEPTED')`,
        parkId,
        table.year,
        table.quarter,
      );
      expect(table.rows.length).toBe(row!.banks);
      if (row!.banks === 0) {
        expect(table.totals).toBeNull();
        continue;
      }
      expect(table.totals).toEqual({
        balanceFen: row!.balance,
        incrementFen: row!.increment,
        borrowers: row!.borrowers,
        firstLoans: row!.first,
        creditLoans: row!.credit,
      });
    }
    expect(park.figures[1]!.rows.length).toBeGreaterThan(0);
  });

  it("names the paired banks with no visit in the current half-year", async () => {
    const due = await sql<{ id: string }>(
      `SELECT pb."bankOrgId"::text AS id FROM "ParkBankPairing" pb JOIN "Program" p ON p.id = pb."programId"
        WHERE pb."parkId" = $1::uuid AND p.year = 2026 AND p.active AND pb.year = 2026 AND pb."endedAt" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "ParkVisit" v WHERE v."parkId" = pb."parkId" AND v."bankOrgId" = pb."bankOrgId"
                           AND v."visitedOn" BETWEEN '2026-07-01' AND '2026-12-31')`,
      parkId,
    );
    expect(park.visits.halfYear).toMatchObject({ year: 2026, half: 2 });
    expect(park.visits.due.map((b) => b.bankOrgId).sort()).toEqual(due.map((r) => r.id).sort());
    const done = await one(
      `SELECT count(*)::int AS n FROM "ParkVisit" WHERE "parkId" = $1::uuid AND "visitedOn" BETWEEN '2026-07-01' AND '2026-12-31'`,
      parkId,
    );
    expect(park.visits.done.length).toBe(done);
  });
});
