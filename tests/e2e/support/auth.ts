import { expect, type Page } from "@playwright/test";
import { currentTotp, totpStep } from "@/lib/auth/totp";
import { DEMO_PASSWORD, demoTotpSecret } from "@/lib/seed/credentials";
import { DEFAULT_SEED } from "@/lib/seed/generate";

export { DEMO_PASSWORD };

// A TOTP code is accepted once per 30-second step and account (replay protection).
// Steps this process used are remembered; a step used elsewhere shows up as a refused
// code, and signInAs then waits for the next step and tries again.
const usedSteps = new Map<string, number>();

async function untilNewStep(key: string): Promise<Date> {
  let now = new Date();
  while (usedSteps.get(key) === totpStep(now)) {
    await new Promise((r) => setTimeout(r, 500));
    now = new Date();
  }
  usedSteps.set(key, totpStep(now));
  return now;
}

/** A code for a demo login that this process has not used yet. */
export async function freshDemoCode(account: string): Promise<string> {
  return currentTotp(demoTotpSecret(DEFAULT_SEED, account), await untilNewStep(account));
}

type TSignInOptions = { password?: string; totpSecret?: string };

/**
 * Signs in through the form. When a one-time code is asked for, enters one (the demo
 * secret of the account, or `totpSecret`), retrying once with the next step's code if
 * the step was already used.
 */
export async function signInAs(page: Page, account: string, options: TSignInOptions = {}): Promise<void> {
  const secret = options.totpSecret ?? demoTotpSecret(DEFAULT_SEED, account);
  await page.goto("/sign-in");
  await page.getByLabel("账号", { exact: true }).fill(account);
  await page.getByLabel("密码", { exact: true }).fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  const totp = page.getByLabel("动态口令", { exact: true });
  const left = () => page.waitForURL((url) => !url.pathname.startsWith("/sign-in")).then(() => "in" as const);
  if ((await Promise.race([left(), totp.waitFor().then(() => "totp" as const)])) === "in") return;
  for (let attempt = 0; attempt < 2; attempt++) {
    await totp.fill(currentTotp(secret, await untilNewStep(account)));
    await page.getByRole("button", { name: "登录" }).click();
    const outcome = await Promise.race([
      left(),
      expect(totp)
        .toHaveAccessibleDescription(/动态口令错误或已使用/)
        .then(() => "refused" as const),
    ]);
    if (outcome === "in") return;
  }
  await expect(page, `could not sign in as ${account}`).not.toHaveURL(/\/sign-in/);
}
