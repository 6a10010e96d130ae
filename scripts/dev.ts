/**
 * `npm run dev`: the portal with demo data, with nothing to install.
 *
 * - No DATABASE_URL: starts the embedded PostgreSQL in .data/dev-postgres (kept between
 *   runs), database "rongqiao", with the owner and the portal's roles
 *   (scripts/db/database-roles.ts). With DATABASE_URL: uses that server, starts nothing;
 *   DATABASE_OWNER_URL, when set, is used for migrations and seeding.
 * - Applies migrations (as the owner, then the portal role's grants), seeds the demo data
 *   when the database has none (first start; `--no-seed` skips it), then runs the server
 *   with DATABASE_URL set to the portal's role.
 * - Ctrl-C (or SIGTERM) stops Next.js, then PostgreSQL, cleanly.
 * Extra arguments go to the server (scripts/server.ts: `-p PORT`, `-H HOST`, e.g.
 * `npm run dev -- -p 3001`), which runs Next.js in development mode.
 */
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "./db/embedded-postgres";
import { grantApplicationRole, prepareLocalDatabase, roleOfUrl } from "./db/database-roles";
import { PROJECT_ROOT, formatMigrateResult, migrate } from "./db/migrate";
import { localAuthSecret } from "./auth-secret";
import { runNext } from "./run-next";
import { seedIfEmpty } from "./seed-if-empty";

const DEV_PORT = 54320;
const DEV_DATABASE = "rongqiao";

async function main(): Promise<void> {
  // The demo start: the demo data is seeded and the sign-in page lists its accounts.
  // DEMO_MODE=false keeps both off (a database of one's own, without demo data).
  process.env.DEMO_MODE ??= "true";
  const demo = process.env.DEMO_MODE.trim().toLowerCase() === "true";
  const args = process.argv.slice(2);
  const skipSeed = args.includes("--no-seed");
  const nextArgs = args.filter((a) => a !== "--no-seed");

  let pg: EmbeddedPostgresHandle | undefined;
  let url: string;
  let ownerUrl: string;
  if (process.env.DATABASE_URL) {
    url = process.env.DATABASE_URL;
    ownerUrl = process.env.DATABASE_OWNER_URL ?? url;
    console.log(`dev: using DATABASE_URL (${new URL(url).host}); no embedded PostgreSQL started`);
  } else {
    pg = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, ".data", "dev-postgres"), port: DEV_PORT });
    ({ appUrl: url, ownerUrl } = await prepareLocalDatabase(pg.connectionString("postgres"), DEV_DATABASE));
    console.log(`dev: embedded PostgreSQL on 127.0.0.1:${pg.port} (data in ${pg.dataDir}); the portal connects as ${roleOfUrl(url)}`);
  }

  const stopDatabase = async () => {
    if (pg) await pg.stop().catch((e: unknown) => console.error("dev: stopping PostgreSQL failed", e));
  };

  try {
    console.log(formatMigrateResult(await migrate(ownerUrl)));
    if (roleOfUrl(url) !== roleOfUrl(ownerUrl)) await grantApplicationRole(ownerUrl, roleOfUrl(url));
    if (!skipSeed && demo) await seedIfEmpty(ownerUrl);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const authSecret = localAuthSecret(path.join(PROJECT_ROOT, ".data", "auth-secret"));
  runNext(["dev", ...nextArgs], { DATABASE_URL: url, AUTH_SECRET: authSecret }, async () => {
    await stopDatabase();
    if (pg) console.log("dev: PostgreSQL stopped");
  });
}

main().catch((error: unknown) => {
  console.error("dev: could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
