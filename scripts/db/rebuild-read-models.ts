/**
 * `npm run db:rebuild-read-models [-- --check]` — recomputes the dashboards' read models
 * from the raw rows of DATABASE_URL (environment or .env), then recounts them with
 * independent SQL and prints any difference. `--check` only recounts and compares (exit 1
 * on a difference), changing nothing.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { rebuildReadModels } from "@/lib/read-models/mutations/rebuild-read-models";
import { recountReadModels } from "@/lib/read-models/queries/recount-read-models";
import { databaseUrlFromEnv, ownerDatabaseUrlFromEnv } from "./migrate";

async function main(): Promise<void> {
  const url = ownerDatabaseUrlFromEnv() ?? databaseUrlFromEnv();
  if (!url) {
    console.error("db:rebuild-read-models: DATABASE_URL is not set (environment or .env)");
    process.exit(1);
  }
  const checkOnly = process.argv.includes("--check");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    if (!checkOnly) {
      const started = Date.now();
      const fixed = await rebuildReadModels(prisma);
      console.log(`read models rebuilt in ${Date.now() - started} ms (${fixed} items' ledger facts corrected)`);
    }
    const started = Date.now();
    const mismatches = await recountReadModels(prisma);
    console.log(
      `recount in ${Date.now() - started} ms: ${mismatches.length === 0 ? "every read model equals the raw rows" : `${mismatches.length} differences`}`,
    );
    for (const m of mismatches) console.log(`  ${m.model} ${m.key}: expected ${m.expected ?? "—"}, stored ${m.stored ?? "—"}`);
    if (mismatches.length > 0) process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
