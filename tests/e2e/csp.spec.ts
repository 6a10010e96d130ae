import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";
import { DEMO_LOGINS } from "./support/page-routes";

// The nonce-based Content-Security-Policy (lib/server/page-policy.ts, lib/security-headers.ts): every page
// response has a new nonce, every script Next emits carries it, and pages still hydrate
// with nothing refused by the browser.

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

function nonceOf(policy: string | undefined): string {
  const match = NONCE.exec(policy ?? "");
  expect(match, `a nonce in ${policy}`).not.toBeNull();
  return match![1]!;
}

/** Records every policy violation the page reports, and the console's "Refused to …" lines. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [
    ...refused,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
  ];
}

test("each page response has its own nonce, and every script in the page carries it", async ({ request }) => {
  const nonces = new Set<string>();
  for (const target of ["/sign-in", "/sign-in", "/", "/register"]) {
    const response = await request.get(target);
    expect(response.status(), target).toBe(200);
    const policy = response.headers()["content-security-policy"];
    expect(policy, target).toContain("'strict-dynamic'");
    expect(policy, target).toContain("frame-ancestors 'none'");
    expect(policy, target).not.toContain("unsafe-eval");
    // A <style> element needs the nonce; only style attributes stay open (docs/security.md).
    expect(policy, target).toMatch(/style-src-elem 'self' 'nonce-[^']+'(;|$)/);
    expect(policy, target).toContain("style-src-attr 'unsafe-inline'");
    const nonce = nonceOf(policy);
    nonces.add(nonce);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, `scripts in ${target}`).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${target}: ${tag}`).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size, "a new nonce per response").toBe(4);
});

test("a signed-in portal hydrates under the policy: client navigation works and nothing is refused", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/sign-in");
  // The language switch is a client component calling a server action.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await signInAs(page, "finance.admin");
  await expect(page).not.toHaveURL(/\/sign-in/);
  // A link followed by the client router keeps the window (a full load would clear the mark):
  // proof that Next's scripts ran and hydrated the page.
  await page.evaluate(() => ((window as unknown as { __stay: number }).__stay = 1));
  await page.getByRole("navigation", { name: "主导航" }).getByRole("button", { name: "管理设置" }).click();
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作日历" }).click();
  await expect(page).toHaveURL(/\/calendar/);
  expect(await page.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBe(1);
  expect(await violations()).toEqual([]);
});

test("markup injected into a page cannot run script: an inline handler is refused and reported", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/sign-in");
  await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.innerHTML = '<img src="/favicon.ico?x" onload="window.__injected = 1" onerror="window.__injected = 1">';
    document.body.append(holder);
  });
  await expect.poll(violations).toContainEqual(expect.stringMatching(/script-src/));
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
});

test("markup injected into a page cannot add style rules: a <style> element without the nonce is refused", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/sign-in");
  await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.innerHTML = "<style>body { visibility: hidden }</style>";
    document.body.append(holder);
  });
  await expect.poll(violations).toContainEqual(expect.stringMatching(/style-src/));
  expect(await page.evaluate(() => getComputedStyle(document.body).visibility)).toBe("visible");
});

for (const { account, role } of DEMO_LOGINS) {
  test(`${role}: the home page and its charts render with nothing refused by the policy, and hydrate without errors`, async ({ page }) => {
    const violations = await watchViolations(page);
    await signInAs(page, account);
    // The dashboards' client components (the enterprise's cards and counts, the menu) must
    // render in the browser what the server's HTML holds: a mismatch is reported as an
    // error on the page and through the console.
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await expect(page).not.toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page.locator("main").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    // The dashboards' server-rendered charts carry no <style> element: one would need the
    // nonce of the response that made the document, which a chart arriving by client-side
    // navigation (as after signing in) does not have.
    const stamped = await page.evaluate(() => [...document.querySelectorAll<SVGStyleElement>("figure svg style")].every((s) => s.nonce));
    expect(stamped, "every chart's <style> carries the nonce").toBe(true);
    await expect(page.locator("figure svg style"), "a chart's <style> element").toHaveCount(0);
    expect(await violations()).toEqual([]);
    expect(errors, "the dashboard renders in the browser without errors").toEqual([]);
  });
}
