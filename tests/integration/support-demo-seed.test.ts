/**
 * The demo seed's 1+1 reports (a fresh database of its own, seeded for 2026-11-27): every
 * state a report can be in has rows — filed, returned, refiled, accepted, late and not
 * filed, late and accepted — with revisions and reviews that agree with the report's state,
 * and the reference month left open.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { createFreshDatabase, type FreshDatabase } from "./harness";

let fresh: FreshDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  fresh = await createFreshDatabase("support_seed");
  await migrate(fresh.url, { onLog: () => {} });
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url }) });
  await seedDemoData(prisma, { referenceDate: "2026-11-27" });
}, 300_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await fresh?.drop();
});

describe("the demo's 1+1 reports", () => {
  it("has reports in every state, their history consistent with it", async () => {
    const rows = await prisma.$queryRawUnsafe<{ kind: string; n: number }[]>(
      `SELECT CASE
                WHEN s.status = 'OVERDUE' THEN 'late, not filed'
                WHEN s.status = 'FILED' AND s.revision = 2 THEN 'refiled'
                WHEN s.status = 'FILED' THEN 'filed'
                WHEN s.status = 'RETURNED' THEN 'returned'
                WHEN s.status = 'ACCEPTED' AND s."lateAt" IS NOT NULL THEN 'late, accepted'
                ELSE 'accepted' END AS kind,
              count(*)::int AS n
         FROM "SupportReport" s WHERE s.month = '2026-10-01' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.map((r) => r.kind)).toEqual(["accepted", "filed", "late, accepted", "late, not filed", "refiled", "returned"]);
    const broken = await prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT s.id FROM "SupportReport" s
        WHERE s.revision <> (SELECT count(*) FROM "SupportReportRevision" v WHERE v."reportId" = s.id)
           OR s.version <> s.revision + (SELECT count(*) FROM "SupportReportReview" r WHERE r."reportId" = s.id)
           OR (s.status = 'RETURNED') <> (s."returnReason" IS NOT NULL)`,
    );
    expect(broken).toEqual([]);
    expect(await prisma.supportReport.count({ where: { month: new Date("2026-11-01T00:00:00Z") } })).toBe(0);
    expect(await prisma.supportReport.count({ where: { month: new Date("2026-08-01T00:00:00Z"), status: "ACCEPTED" } })).toBeGreaterThan(0);
    // No class-B enterprise has an accepted report with credit (it would have moved to A).
    const stale = await prisma.supportReport.count({
      where: { status: "ACCEPTED", creditGrantedFen: { gt: 0n }, pairing: { enterprise: { supportClass: "B" } } },
    });
    expect(stale).toBe(0);
  });
});
