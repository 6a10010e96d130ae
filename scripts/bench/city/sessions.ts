/**
 * Session cookies for the demo logins, from the real sign-in form (password, then the
 * one-time code) in Debian's Chromium: each account signs in once and its cookie is
 * reused by every request of the run.
 */
import { chromium } from "@playwright/test";
import pg from "pg";
import { TOTP_PARAMS, totpStep } from "@/lib/auth/totp";
import { signInDemo } from "../../e2e/demo-server";
import { chromiumLaunchOptions } from "../../e2e/chromium";

async function lastUsedTotpStep(databaseUrl: string, account: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ step: number | null }>(`SELECT "totpLastStep" AS step FROM "User" WHERE account = $1`, [account]);
    return rows[0]?.step ?? null;
  } finally {
    await client.end();
  }
}

/**
 * A one-time code is accepted once: when this account already used the current step's
 * code (an earlier run moments ago), waits for the next step.
 */
async function waitForUnusedTotpStep(databaseUrl: string, account: string, log: (line: string) => void): Promise<void> {
  const used = await lastUsedTotpStep(databaseUrl, account);
  if (used === null || used < totpStep(new Date())) return;
  const nextStepAt = (used + 1) * TOTP_PARAMS.period * 1000;
  const waitMs = Math.max(0, nextStepAt - Date.now()) + 500;
  log(`sign-in: ${account} used this one-time code moments ago; waiting ${(waitMs / 1000).toFixed(0)} s for the next`);
  await new Promise((r) => setTimeout(r, waitMs));
}

/** Account → Cookie header value. */
export async function signInAccounts(
  baseUrl: string,
  databaseUrl: string,
  accounts: readonly string[],
  log: (line: string) => void,
): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    for (const account of accounts) {
      await waitForUnusedTotpStep(databaseUrl, account, log);
      const started = Date.now();
      const context = await browser.newContext({ locale: "zh-CN" });
      try {
        await signInDemo(context, baseUrl, account);
        const header = (await context.cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
        if (!header) throw new Error(`sign-in as ${account} left no cookie`);
        cookies.set(account, header);
      } finally {
        await context.close();
      }
      log(`sign-in: ${account} signed in (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await browser.close();
  }
  return cookies;
}
