/**
 * `npm run screenshots`: the README's pictures of the public portal and the five
 * dashboards (1280 × 900) and the enterprise dashboard on a phone (390 × 844), taken
 * from a production build with the demo data, into docs/screenshots/. Run
 * `npm run build` first, or point DEMO_BASE_URL at a running demo server.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { signInDemo, startDemoServer } from "./e2e/demo-server";
import { chromiumLaunchOptions } from "./e2e/chromium";

const OUT = path.join("docs", "screenshots");
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const DASHBOARDS = [
  { file: "enterprise", account: "enterprise.owner", path: "/enterprise" },
  { file: "park", account: "park.window", path: "/park" },
  { file: "bank", account: "bank.liaison", path: "/bank" },
  { file: "finance", account: "finance.admin", path: "/finance" },
  { file: "pbc", account: "pbc.staff", path: "/pbc" },
] as const;

async function shoot(
  browser: Browser,
  baseUrl: string,
  target: { file: string; path: string; account?: string; phone?: boolean },
): Promise<void> {
  const context = await browser.newContext({
    viewport: target.phone ? PHONE : DESKTOP,
    isMobile: target.phone,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  try {
    if (target.account) await signInDemo(context, baseUrl, target.account);
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}${target.path}`);
    if (!response?.ok()) throw new Error(`${target.path}: HTTP ${response?.status()}`);
    await page.waitForFunction(() => document.fonts.status === "loaded");
    const file = path.join(OUT, `${target.file}.png`);
    // The first screen, as a visitor sees it; full pages would make the README scroll forever.
    await page.screenshot({ path: file });
    console.log(`screenshots: ${file}`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startDemoServer();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await shoot(browser, server.baseUrl, { file: "public-portal", path: "/" });
    for (const d of DASHBOARDS) await shoot(browser, server.baseUrl, d);
    await shoot(browser, server.baseUrl, { file: "enterprise-mobile", path: "/enterprise", account: "enterprise.owner", phone: true });
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error("screenshots:", error);
  process.exit(1);
});
