import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { e2eInfoFile, e2eLogFile } from "@/scripts/e2e/info";
import { signInAs } from "./support/auth";

// PostgreSQL fails while a dashboard renders: after the session check passed, the page's
// own query loses its connection (pg_terminate_backend, as a failover or an operator
// would). The test holds a lock on a table the dashboard reads so that the query is
// caught waiting, then terminates exactly that backend. Before, the page streamed behind
// a loading skeleton and answered 200 with a half page; it must answer 5xx, show the
// error page, and leave a log line with the request id. The same for a list page: no
// portal page has a loading boundary that would send its status early.

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

/**
 * Signs in as `account`, holds a lock on `table` (read by the page at `path`, not by the
 * session check) and terminates the page's query while it waits: the answer must be 5xx
 * with the error page, logged with the request id.
 */
async function failDuringRender(page: Page, account: string, path: string, table: string): Promise<void> {
  await signInAs(page, account);
  expect((await page.goto(path))?.status()).toBe(200);

  const locker = new pg.Client({ connectionString: databaseUrl() });
  await locker.connect();
  try {
    const { rows } = await locker.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await locker.query("BEGIN");
    await locker.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
    const navigation = page.goto(path);
    await terminateWaitingBackend(locker, rows[0]!.pid);
    await locker.query("ROLLBACK");
    const response = await navigation;

    expect(response?.status(), `status of the failed render of ${path}`).toBeGreaterThanOrEqual(500);
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
}

test("a database failure during a dashboard's render answers 5xx with the error page, logged with the request id", async ({ page }) => {
  test.setTimeout(120_000);
  // The bank dashboard counts its inbox by deadline from the open-items tally on every view;
  // the session check and the frame do not read it. (Not the program or the banks' targets:
  // a server keeps those under their cache revision, so a view may read neither.)
  await failDuringRender(page, "bank.liaison", "/bank", "RequestOpenTally");
});

test("a list page (the holiday calendar) fails the same way: no loading skeleton has sent a 200 first", async ({ page }) => {
  test.setTimeout(120_000);
  // The lock is taken as the portal's own role, which may lock only tables it may change
  // (not the append-only audit log). The table must be one only the page reads: the
  // frame's banner of a missing holiday schedule reads CalendarYear on every finance page,
  // and when that read was the one cut, the failure came from the frame (the root error
  // page) instead of the page. The calendar page counts CalendarDay's rows itself; the
  // session check and the frame do not read it.
  await failDuringRender(page, "finance.admin", "/calendar", "CalendarDay");
});
