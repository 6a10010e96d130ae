import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { e2eInfoFile, e2eLogFile } from "@/scripts/e2e/info";
import { signInAs } from "./support/auth";

// PostgreSQL fails while a dashboard renders: after the session check passed, the page's
// own query loses its connection (pg_terminate_backend, as a failover or an operator
// would). The test holds a lock on a table the dashboard reads so that the query is
// caught waiting, then terminates exactly that backend. Before, the dashboard streamed
// behind a loading skeleton and answered 200 with a half page; it must answer 5xx, show
// the error page, and leave a log line with the request id.

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = () => (JSON.parse(readFileSync(e2eInfoFile(E2E_PORT), "utf8")) as { databaseUrl: string }).databaseUrl;

/** Terminates the first backend found waiting on `locker`'s lock; returns its pid. */
async function terminateWaitingBackend(locker: pg.Client, lockerPid: number): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await locker.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND $1 = ANY(pg_blocking_pids(pid))
        LIMIT 1`,
      [lockerPid],
    );
    if (rows[0]) {
      await locker.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
      return rows[0].pid;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("no query of the dashboard waited on the locked table");
}

test("a database failure during a dashboard's render answers 5xx with the error page, logged with the request id", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "bank.liaison");
  expect((await page.goto("/bank"))?.status()).toBe(200);

  const locker = new pg.Client({ connectionString: databaseUrl() });
  await locker.connect();
  try {
    const { rows } = await locker.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await locker.query("BEGIN");
    // The bank dashboard reads the current program; the session check does not.
    await locker.query('LOCK TABLE "Program" IN ACCESS EXCLUSIVE MODE');
    const navigation = page.goto("/bank");
    await terminateWaitingBackend(locker, rows[0]!.pid);
    await locker.query("ROLLBACK");
    const response = await navigation;

    expect(response?.status(), "status of the failed render").toBeGreaterThanOrEqual(500);
    await expect(page.getByRole("heading", { level: 1, name: /页面加载失败|服务暂时不可用/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "重试" })).toBeVisible();

    const requestId = response!.headers()["x-request-id"];
    expect(requestId).toBeTruthy();
    await expect
      .poll(() =>
        readFileSync(e2eLogFile(E2E_PORT), "utf8")
          .split("\n")
          .filter((line) => line.includes(requestId!) && line.includes("page render failed")),
      )
      .toHaveLength(1);
  } finally {
    await locker.end().catch(() => undefined);
  }
});
