/**
 * A performance check of each role's dashboard, requested 20 times on a
 * production build with the demo data, timed to the last byte of the HTML; prints the
 * median and p90 per dashboard (target: median under 300 ms). Run `npm run build`
 * first, or point DEMO_BASE_URL at a running demo server.
 *   node --import tsx scripts/bench/dashboards.ts
 */
import { chromium } from "@playwright/test";
import { signInDemo, startDemoServer } from "../e2e/demo-server";
import { chromiumLaunchOptions } from "../e2e/chromium";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARM_UP = 2;
const TARGET_MS = 300;

const DASHBOARDS = [
  { path: "/enterprise", account: "enterprise.owner" },
  { path: "/park", account: "park.window" },
  { path: "/bank", account: "bank.liaison" },
  { path: "/finance", account: "finance.admin" },
  { path: "/pbc", account: "pbc.staff" },
] as const;

function percentile(sorted: number[], p: number): number {
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

async function timeOnce(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie, accept: "text/html" }, redirect: "manual" });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || body.length < 1000) throw new Error(`${url}: HTTP ${response.status}, ${body.length} bytes`);
  return elapsed;
}

async function main(): Promise<void> {
  const server = await startDemoServer();
  const browser = await chromium.launch(chromiumLaunchOptions);
  const rows: string[] = [];
  let slow = 0;
  try {
    for (const d of DASHBOARDS) {
      // The session cookie comes from the real sign-in flow (password, one-time code).
      const context = await browser.newContext({ locale: "zh-CN" });
      await signInDemo(context, server.baseUrl, d.account);
      const cookie = (await context.cookies(server.baseUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
      await context.close();
      const url = `${server.baseUrl}${d.path}`;
      for (let i = 0; i < WARM_UP; i++) await timeOnce(url, cookie);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await timeOnce(url, cookie));
      times.sort((a, b) => a - b);
      const median = percentile(times, 0.5);
      if (median >= TARGET_MS) slow++;
      rows.push(
        `${d.path.padEnd(12)} ${d.account.padEnd(18)} median ${median.toFixed(0).padStart(5)} ms   p90 ${percentile(times, 0.9).toFixed(0).padStart(5)} ms   min ${times[0]!.toFixed(0).padStart(5)} ms   max ${times.at(-1)!.toFixed(0).padStart(5)} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`dashboards, ${RUNS} requests each after ${WARM_UP} warm-up, time to the last byte of the HTML:`);
  console.log(rows.join("\n"));
  console.log(slow ? `${slow} dashboard(s) at or over the ${TARGET_MS} ms median target` : `every median under ${TARGET_MS} ms`);
  if (slow) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error("bench:", error);
  process.exit(1);
});
