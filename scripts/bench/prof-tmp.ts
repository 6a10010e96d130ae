// scratch (not committed): CPU profile + statements of N sequential views per page on the city DB
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { PROJECT_ROOT } from "../db/migrate";
import { productionEnv, startNextServer } from "../e2e/next-start";
import path from "node:path";
import { readFileSync } from "node:fs";
import { startEmbeddedPostgres } from "../db/embedded-postgres";
import { prepareLocalDatabase } from "../db/database-roles";
import { signInAccounts } from "./city/sessions";

const [pagesArg = "/bank/inbox:bank.liaison", nArg = "100"] = process.argv.slice(2);
const pages = pagesArg.split(",").map((p) => p.split(":") as [string, string]);
const n = Number(nArg);
const dir = `/work/prof/cpu-${Date.now()}`;
mkdirSync(dir, { recursive: true });
process.env.PROF_NODE_ARGS = process.env.NOPROF ? "" : `--cpu-prof --cpu-prof-dir=${dir} --cpu-prof-interval=200`;
const postgres = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, ".data", "bench-city-postgres"), port: 54330, log: console.log });
const { appUrl } = await prepareLocalDatabase(postgres.connectionString("postgres"), "rongqiao_city");
const database = { url: appUrl, postgres };
const pgTicks = () => { let t = 0; for (const d of readdirSync("/proc")) { if (!/^\d+$/.test(d)) continue; try { const st = readFileSync(`/proc/${d}/stat`, "utf8"); if (!st.includes("(postgres)")) continue; const f = st.split(") ")[1]!.split(" "); t += Number(f[11]) + Number(f[12]); } catch {} } return t; };
const cpuTicks = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return Number(f[11]) + Number(f[12]); };
const portal = await startNextServer({ label: "portal", env: productionEnv(database.url), readyPath: "/api/health" });
try {
  const cookies = await signInAccounts(`http://localhost:${portal.port}`, database.url, [...new Set(pages.map((p) => p[1]))], console.log);
  const pgc = new pg.Client({ connectionString: database.postgres.connectionString("rongqiao_city") });
  pgc.on("error", () => {});
  await pgc.connect();
  await pgc.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  for (const [pagePath, account] of pages) {
    const cookie = cookies.get(account)!;
    const get = async () => {
      const r = await fetch(`${portal.baseUrl}${pagePath}`, { headers: { cookie }, redirect: "manual" });
      const body = await r.text();
      if (r.status !== 200) throw new Error(`status ${r.status}`);
      return body;
    };
    for (let i = 0; i < 20; i++) await get();
    await pgc.query("SELECT pg_stat_statements_reset()");
    const c0 = cpuTicks(portal.pid); const p0 = pgTicks();
    const t0 = process.hrtime.bigint();
    const started = Date.now();
    let body = "";
    for (let i = 0; i < n; i++) body = await get();
    const t1 = process.hrtime.bigint();
    const c1 = cpuTicks(portal.pid); const p1 = pgTicks();
    writeFileSync(`${dir}/${pagePath.replaceAll("/", "_")}.html`, body);
    console.log(`\n${pagePath}: ${n} views, ${((Date.now() - started) / n).toFixed(1)} ms/view wall, ${((c1 - c0) * 10 / n).toFixed(2)} ms CPU/view (server process), ${((p1 - p0) * 10 / n).toFixed(2)} ms CPU/view (postgres), html ${body.length} chars`);
    const st = await pgc.query(
      `SELECT calls, round(total_exec_time::numeric,1) AS ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) AS q FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC`,
    );
    let calls = 0, ms = 0;
    for (const r of st.rows) { calls += Number(r.calls); ms += Number(r.ms); }
    console.log(`DB: ${(calls / n).toFixed(1)} statements/view, ${(ms / n).toFixed(2)} ms exec/view`);
    for (const r of st.rows.slice(0, 20)) console.log(`  ${(Number(r.calls) / n).toFixed(2)}/view ${(Number(r.ms) / n).toFixed(2)}ms rows ${r.rows} ${r.q}`);
    console.log(`WINDOW ${pagePath} ${Number(t0 / 1000n)} ${Number(t1 / 1000n)}`);
  }
  await pgc.end();
} catch (e) {
  console.log("FAILED", e);
} finally {
  await portal.stop();
  await database.postgres.stop();
}
console.log("profiles:", dir, readdirSync(dir).join(" "));
