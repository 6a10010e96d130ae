/**
 * The demo seed's summonses (prisma/seed/seed-demo-summons.ts) on a freshly seeded
 * database: a published bulletin of the quarter before the last complete one, and a
 * summons in every status on it, so the summons pages and the bank's history show
 * something; the open ones past their deadline are listed for the next bulletin.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { SummonsStatus } from "@/lib/generated/prisma/enums";
import { migrate } from "@/scripts/db/migrate";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { seedDemoSummons } from "@/prisma/seed/seed-demo-summons";
import { createFreshDatabase, type FreshDatabase } from "./harness";

const REFERENCE_DATE = "2026-12-05";

describe("the demo summonses", () => {
  let db: FreshDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createFreshDatabase("summons-seed");
    await migrate(db.url, { onLog: () => {} });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
    await seedDemoData(prisma, { referenceDate: REFERENCE_DATE });
    await seedDemoSummons(prisma, REFERENCE_DATE);
  }, 240_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("are one per status, on the published Q2 bulletin, each step in the audit log", async () => {
    const ranking = await prisma.ranking.findFirstOrThrow({
      where: { status: "PUBLISHED" },
      select: { id: true, year: true, quarter: true },
    });
    expect(ranking).toMatchObject({ year: 2026, quarter: 2 });
    const rows = await prisma.summons.findMany({ select: { status: true, rankingId: true, id: true } });
    expect(rows.map((r) => r.status).sort()).toEqual(Object.values(SummonsStatus).sort());
    expect(new Set(rows.map((r) => r.rankingId))).toEqual(new Set([ranking.id]));
    const audited = await prisma.auditLog.count({ where: { targetType: "Summons", action: "summons.open" } });
    expect(audited).toBe(rows.length);
  });
});
