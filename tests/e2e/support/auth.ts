import { expect, type Page } from "@playwright/test";
import { currentTotp, totpStep } from "@/lib/auth/totp";
import { DEMO_PASSWORD, demoTotpSecret } from "@/lib/seed/credentials";
import { DEFAULT_SEED } from "@/lib/seed/generate";

export { DEMO_PASSWORD };

// A TOTP code is accepted once per 30-second step and account (replay protection), so
// signing in twice as the same account within one step must wait for the next step.
const lastStep = new Map<string, number>();

export async function freshDemoCode(account: string): Promise<string> {
  let now = new Date();
  while (lastStep.get(account) === totpStep(now)) {
    await new Promise((r) => setTimeout(r, 500));
    now = new Date();
  }
  lastStep.set(account, totpStep(now));
  return currentTotp(demoTotpSecret(DEFAULT_SEED, account), now);
}

/** Signs in through the form; answers the one-time-code step when it is asked for. */
export async function signInAs(page: Page, account: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("账号", { exact: true }).fill(account);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  const totp = page.getByLabel("动态口令", { exact: true });
  const landed = page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  const asked = totp.waitFor().then(() => "totp" as const);
  if ((await Promise.race([landed.then(() => "landed" as const), asked])) === "totp") {
    await totp.fill(await freshDemoCode(account));
    await page.getByRole("button", { name: "登录" }).click();
    await landed;
  }
  await expect(page).not.toHaveURL(/\/sign-in/);
}
