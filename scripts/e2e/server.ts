/**
 * The server Playwright tests run against (playwright.config.ts → webServer):
 * a throwaway embedded PostgreSQL (or a fresh database on TEST_DATABASE_URL), migrated
 * and seeded with the demo data, behind the production server (scripts/server.ts start) on E2E_PORT — a production build,
 * which `npm run test:e2e` makes first. The server's output is also kept in e2eLogFile(port)
 * for the log-privacy check. SIGTERM/SIGINT stop Next.js, then drop the database and stop
 * PostgreSQL.
 */
import { createThrowawayDatabase } from "../db/throwaway-database";
import { grantApplicationRole } from "../db/database-roles";
import { formatMigrateResult, migrate } from "../db/migrate";
import { writeFileSync } from "node:fs";
import { localAuthSecret } from "../auth-secret";
import { e2eInfoFile, e2eLogFile } from "./info";
import { runNext } from "../run-next";
import { seedIfEmpty } from "../seed-if-empty";

async function main(): Promise<void> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const database = await createThrowawayDatabase("e2e");
  // The portal connects as its own role; migrations and the seed run as the tables' owner.
  const databaseUrl = database.url;
  const cleanUp = () => database.drop();

  try {
    console.log(formatMigrateResult(await migrate(database.ownerUrl)));
    await grantApplicationRole(database.ownerUrl);
    await seedIfEmpty(database.ownerUrl);
    // Tests that look up ids in the demo data (cross-tenant checks) read this file.
    writeFileSync(e2eInfoFile(port), JSON.stringify({ databaseUrl }), { mode: 0o600 });
  } catch (error) {
    await cleanUp();
    throw error;
  }

  runNext(
    ["start", "-p", String(port)],
    { DATABASE_URL: databaseUrl, NODE_ENV: "production", AUTH_SECRET: localAuthSecret() },
    cleanUp,
    e2eLogFile(port),
  );
}

main().catch((error: unknown) => {
  console.error("e2e server: could not start:", error);
  process.exit(1);
});
