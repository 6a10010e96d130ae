/**
 * A production server with the demo data for scripts (README screenshots, dashboard
 * benchmark): reuses the one at DEMO_BASE_URL if given, else starts scripts/e2e/server.ts
 * (throwaway database, the production server on a free port; needs `npm run build` first) and
 * stops it afterwards. Also signs a browser context in as a demo login.
 */
import { spawn } from "node:child_process";
import type { BrowserContext } from "@playwright/test";
import { currentTotp } from "@/lib/auth/totp";
import { DEMO_PASSWORD, demoTotpSecret } from "@/lib/seed/credentials";
import { DEFAULT_SEED } from "@/lib/seed/generate";
import { freePort, waitUntilReady } from "./next-start";

export type TDemoServer = { baseUrl: string; stop: () => Promise<void> };

export async function startDemoServer(): Promise<TDemoServer> {
  const given = process.env.DEMO_BASE_URL;
  if (given) return { baseUrl: given.replace(/\/$/, ""), stop: async () => {} };
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/e2e/server.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    // No background deadline scan: it would change the demo data while we look at it.
    // DEMO_MODE on: the screenshots show the sign-in page as a demo shows it.
    env: { ...process.env, E2E_PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", JOBS_IN_PROCESS: "false", DEMO_MODE: "true" },
  });
  const baseUrl = `http://localhost:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  try {
    await waitUntilReady(`${baseUrl}/api/health`, child, "the demo server");
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

/** Signs the context in through the sign-in form (with the demo one-time code if asked). */
export async function signInDemo(context: BrowserContext, baseUrl: string, account: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("账号", { exact: true }).fill(account);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  const totp = page.getByLabel("动态口令", { exact: true });
  const signedIn = page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 60_000 });
  if ((await Promise.race([signedIn.then(() => "in"), totp.waitFor({ timeout: 60_000 }).then(() => "totp")])) === "totp") {
    await totp.fill(currentTotp(demoTotpSecret(DEFAULT_SEED, account), new Date()));
    await page.getByRole("button", { name: "登录" }).click();
    await signedIn;
  }
  await page.close();
}
