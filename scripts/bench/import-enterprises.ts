/**
 * Benchmark: importing 10,000 (or N) enterprises, as .xlsx and as .csv, through the
 * same function the upload route runs (lib/import/mutations/import-enterprises.ts).
 * Prints the time of each step (read + validate, database check, insert) and the total.
 *
 *   node --import tsx scripts/bench/import-enterprises.ts [rows=10000]
 *
 * Uses a throwaway embedded PostgreSQL (fsync off, like the tests), or a fresh database
 * on TEST_DATABASE_URL's server; the database is dropped at the end.
 */
import { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { importEnterprises } from "@/lib/import/mutations/import-enterprises";
import type { TImportPhase } from "@/lib/import/run";
import { randomTag, sampleEnterpriseRows, toCsv, toXlsx } from "@/lib/import/sample";
import { createPrismaClient } from "@/lib/server/db";
import { createThrowawayDatabase } from "../db/throwaway-database";
import { migrate } from "../db/migrate";

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10_000);
  const database = await createThrowawayDatabase("bench_import");
  // Migrations and bulk set-up need the tables' owner; the measured domain code runs the same as either role.
  const url = database.ownerUrl;
  const adminUrl = database.adminUrl;
  const prisma = createPrismaClient(url);
  try {
    await migrate(url);
    const financeOrg = await prisma.organization.create({ data: { kind: OrgKind.FINANCE_OFFICE, name: "基准测试金融办" } });
    const user = await prisma.user.create({
      data: { orgId: financeOrg.id, role: Role.FINANCE_ADMIN, account: "bench.admin", name: "基准" },
    });
    const actor = { userId: user.id, role: Role.FINANCE_ADMIN, orgId: financeOrg.id, orgKind: OrgKind.FINANCE_OFFICE };
    const parkOrg = await prisma.organization.create({ data: { kind: OrgKind.PARK, name: "基准测试园区管理委员会", shortName: "基准园" } });
    await prisma.park.create({ data: { orgId: parkOrg.id, code: "BENCH-01" } });

    console.log(
      `import ${count.toLocaleString()} enterprises (PostgreSQL ${adminUrl.includes("localhost") || adminUrl.includes("127.0.0.1") ? "local" : "remote"})`,
    );
    for (const format of ["xlsx", "csv"] as const) {
      const rows = sampleEnterpriseRows(count, "基准园", randomTag());
      const bytes = format === "xlsx" ? await toXlsx(rows) : toCsv(rows);
      const marks = new Map<TImportPhase, number>();
      const t0 = performance.now();
      const result = await importEnterprises(
        prisma,
        actor,
        { name: `bench.${format}`, bytes },
        { meta: { ip: null, userAgent: "bench" }, onProgress: (p) => void (marks.has(p.phase) || marks.set(p.phase, performance.now())) },
      );
      const t1 = performance.now();
      if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 500)}`);
      const at = (phase: TImportPhase) => marks.get(phase) ?? t1;
      const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      console.log(
        `  .${format} ${(bytes.byteLength / 1024).toFixed(0)} KB: total ${s(t1 - t0)}` +
          ` | read ${s(at("validating") - t0)} | validate ${s(at("checking") - at("validating"))}` +
          ` | db check ${s(at("inserting") - at("checking"))} | insert+commit ${s(t1 - at("inserting"))}` +
          ` | ${Math.round(result.inserted / ((t1 - t0) / 1000)).toLocaleString()} rows/s`,
      );
    }
    console.log(`  enterprises in database: ${(await prisma.enterprise.count()).toLocaleString()}`);
  } finally {
    await prisma.$disconnect();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
