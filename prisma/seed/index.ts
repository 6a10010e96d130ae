/**
 * `npm run db:seed` — the demo data of 云溪市 into DATABASE_URL (environment or .env).
 * See lib/seed/args.ts for the options (`npm run db:seed -- --help`).
 *
 * The database must be migrated (`npm run db:migrate`) and empty: seeding a database that
 * has data is refused, because the append-only ledger cannot be wiped row by row.
 * `--reset` drops the public schema, re-applies the migrations, then seeds.
 * Demo mode only: `DEMO_MODE=true npm run db:seed` (see assertDemoMode).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { createPrismaClient } from "@/lib/server/db";
import { SEED_USAGE, parseSeedArgs } from "@/lib/seed/args";
import { resolveSeedOptions } from "@/lib/seed/generate";
import { databaseUrlFromEnv, formatMigrateResult, migrate } from "@/scripts/db/migrate";
import { SeedRefusedError, assertDemoMode, seedDemoData, type TSeedSummary } from "./seed-demo-data";
import { seedDemoScenarios } from "./seed-demo-scenarios";

export { SeedRefusedError, isDatabaseSeeded, seedDemoData } from "./seed-demo-data";

async function resetSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
  console.log(formatMigrateResult(await migrate(url)));
}

function printSummary(s: TSeedSummary): void {
  const secs = (s.elapsedMs / 1000).toFixed(1);
  console.log(
    `db:seed: ${s.options.enterprises} enterprises, reference date ${s.options.referenceDate}, seed "${s.options.seed}" — ${secs}s`,
  );
  const nonZero = Object.entries(s.counts).filter(([, n]) => n > 0);
  console.log(nonZero.map(([t, n]) => `  ${t.padEnd(22)} ${n.toLocaleString("en-US")}`).join("\n"));
  console.log("demo logins (no password yet):");
  for (const a of s.demoAccounts) console.log(`  ${a.account.padEnd(18)} ${a.role.padEnd(18)} ${a.name} · ${a.orgName}`);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseSeedArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`db:seed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (args.help) {
    console.log(SEED_USAGE);
    return 0;
  }
  const url = databaseUrlFromEnv();
  if (!url) {
    console.error("db:seed: DATABASE_URL is not set (environment or .env). `npm run dev` seeds its embedded database by itself.");
    return 1;
  }
  let options;
  try {
    options = resolveSeedOptions(args.options);
  } catch (error) {
    console.error(`db:seed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  try {
    // Before --reset drops anything.
    assertDemoMode();
  } catch (error) {
    console.error(`db:seed: ${(error as Error).message}`);
    return 3;
  }
  if (args.reset) {
    console.log(
      `db:seed: --reset: dropping schema "public" of ${new URL(url).pathname.slice(1)} on ${new URL(url).host} and re-applying migrations`,
    );
    await resetSchema(url);
  }
  const prisma = createPrismaClient(url);
  try {
    const big = options.enterprises >= 20_000;
    const summary = await seedDemoData(prisma, {
      ...options,
      transaction: args.transaction,
      onProgress: big
        ? (p) => {
            if (p.enterprisesDone % 10_000 === 0 || p.enterprisesDone === p.enterprisesTotal) {
              console.log(
                `  ${p.enterprisesDone.toLocaleString("en-US")}/${p.enterprisesTotal.toLocaleString("en-US")} enterprises, ${p.rowsInserted.toLocaleString("en-US")} rows, ${(p.elapsedMs / 1000).toFixed(0)}s`,
              );
            }
          }
        : undefined,
    });
    await seedDemoScenarios(prisma, summary.options.referenceDate);
    printSummary(summary);
    return 0;
  } catch (error) {
    if (error instanceof SeedRefusedError) {
      console.error(`db:seed: ${error.message}`);
      return 3;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (/does not exist/.test(message)) {
      const detail = message
        .split("\n")
        .find((l) => /does not exist/.test(l))
        ?.trim();
      console.error(`db:seed: the database is not migrated (${detail}). Run \`npm run db:migrate\` first.`);
      return 1;
    }
    console.error("db:seed failed:", error);
    return 1;
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
