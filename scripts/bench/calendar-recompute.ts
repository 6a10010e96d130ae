/**
 * Benchmark: how long a calendar change takes when open deadlines must be recomputed
 * (lib/requests/mutations/recompute-deadlines.ts through the calendar mutations).
 *
 *   node --import tsx scripts/bench/calendar-recompute.ts [enterprises=10000]
 *
 * Seeds the demo data (reference date 2026-11-20) into a throwaway embedded PostgreSQL
 * (or a fresh database on TEST_DATABASE_URL's server, dropped at the end) and prints the
 * time of each change.
 */
import { addCalendarDay, publishCalendarYear, removeCalendarDay } from "@/lib/calendar/mutations/manage-calendar";
import { RUNNING_DEADLINE_STATUSES } from "@/lib/requests/mutations/recompute-deadlines";
import { createPrismaClient } from "@/lib/server/db";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { createThrowawayDatabase } from "../db/throwaway-database";
import { migrate } from "../db/migrate";

// A throwaway database, seeded with the demo data (refused outside demo mode).
process.env.DEMO_MODE = "true";

const META = { ip: "127.0.0.1", userAgent: "bench" };

async function main(): Promise<void> {
  const enterprises = Number(process.argv[2] ?? 10_000);
  const database = await createThrowawayDatabase("bench_calendar");
  // Migrations and bulk set-up need the tables' owner; the measured domain code runs the same as either role.
  const url = database.ownerUrl;
  const prisma = createPrismaClient(url);
  try {
    await migrate(url, { onLog: () => {} });
    let t = Date.now();
    await seedDemoData(prisma, { referenceDate: "2026-11-20", enterprises });
    console.log(`seeded ${enterprises} enterprises in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const financeAdmin = await prisma.user.findFirstOrThrow({ where: { role: "FINANCE_ADMIN" }, select: { id: true, orgId: true } });
    const actor = { userId: financeAdmin.id, orgId: financeAdmin.orgId };
    const requests = await prisma.request.count();
    const open = await prisma.request.count({ where: { status: { in: [...RUNNING_DEADLINE_STATUSES] }, answeredAt: null } });
    console.log(`${requests} requests, ${open} with a running deadline`);
    const timed = async (label: string, f: () => Promise<unknown>) => {
      t = Date.now();
      const result = await f();
      console.log(
        `${label.padEnd(44)} ${String(Date.now() - t).padStart(6)} ms  ${JSON.stringify(result, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))}`,
      );
    };
    await timed("add holiday 2026-11-23 (inside windows)", () =>
      addCalendarDay(prisma, actor, { date: "2026-11-23", kind: "HOLIDAY", name: "测试" }, META),
    );
    await timed("remove holiday 2026-11-23", () => removeCalendarDay(prisma, actor, { date: "2026-11-23" }, META));
    await timed("add holiday 2026-03-03 (no open window)", () =>
      addCalendarDay(prisma, actor, { date: "2026-03-03", kind: "HOLIDAY", name: "测试" }, META),
    );
    await timed("re-publish 2026 (whole year)", () =>
      publishCalendarYear(prisma, actor, { year: 2026, source: "国办发明电〔2025〕7号" }, META),
    );
  } finally {
    await prisma.$disconnect();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
