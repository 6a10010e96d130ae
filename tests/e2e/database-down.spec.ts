import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { serverEntryArgs } from "@/scripts/run-next";
import { localAuthSecret } from "@/scripts/auth-secret";
import { e2eInfoFile } from "@/scripts/e2e/info";
import { startTcpProxy, viaPort } from "@/tests/support/tcp-proxy";
import { signInAs } from "./support/auth";

// The database goes away under a running portal: a second server on the same build talks
// to the e2e database through a TCP proxy, and the test stops the proxy. Signed-in pages
// must answer 503 with a "try again" page (not 200 with an error in the stream), and a
// sign-in must say "service unavailable", not "wrong password".

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from ${base}`);
}

test.describe("when the database is down", () => {
  test.describe.configure({ timeout: 180_000 });
  let server: ChildProcess | undefined;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>> | undefined;
  let base = "";

  test.beforeAll(async () => {
    const { databaseUrl } = JSON.parse(readFileSync(e2eInfoFile(E2E_PORT), "utf8")) as { databaseUrl: string };
    const target = new URL(databaseUrl);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const port = await freePort();
    base = `http://localhost:${port}`;
    server = spawn(process.execPath, [...serverEntryArgs(), "start", "-p", String(port)], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: viaPort(databaseUrl, proxy.port),
        NODE_ENV: "production",
        AUTH_SECRET: localAuthSecret(),
        JOBS_IN_PROCESS: "false",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    await waitForHealth(base);
  });

  test.afterAll(async () => {
    server?.kill("SIGTERM");
    await proxy?.stop();
  });

  test("a signed-in page answers 503 with a try-again page; sign-in says service unavailable", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await signInAs(page, "bank.liaison");
    expect((await page.goto("/bank"))?.status()).toBe(200);
    // A second visitor has the sign-in form open when the database goes away.
    const visitor = await (await browser.newContext({ baseURL: base })).newPage();
    await visitor.goto("/sign-in");

    await proxy!.stop();

    for (const path of ["/bank", "/bank/inbox", "/notifications"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(503);
      expect(response?.headers()["retry-after"], path).toBe("30");
      await expect(page.getByRole("heading", { level: 1, name: "服务暂时不可用" })).toBeVisible();
      await expect(page.getByRole("button", { name: "重试" })).toBeVisible();
    }

    await visitor.getByLabel("账号", { exact: true }).fill("bank.liaison");
    await visitor.getByLabel("密码", { exact: true }).fill("Whatever#2026");
    await visitor.getByRole("button", { name: "登录" }).click();
    const password = visitor.getByLabel("密码", { exact: true });
    await expect(password).toHaveAccessibleDescription(/服务暂时不可用/);
    await expect(password).not.toHaveAccessibleDescription(/账号或密码错误/);

    // The sign-in page itself, opened now, answers 503 too.
    expect((await visitor.goto("/sign-in"))?.status()).toBe(503);
  });
});
