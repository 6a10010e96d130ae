/**
 * `npm run demo:totp -- <account>`: the current one-time code of a demo login (the
 * secrets are derived from the demo seed, see lib/seed/credentials.ts), so the demo can
 * be tried without an authenticator app. Demo data only: real accounts enrol their own.
 */
import { currentTotp, totpStep, TOTP_PARAMS } from "@/lib/auth/totp";
import { DEMO_USERS } from "@/lib/seed/base";
import { demoModeOn } from "@/lib/server/env";
import { demoTotpSecret } from "@/lib/seed/credentials";
import { DEFAULT_SEED } from "@/lib/seed/generate";

// The codes open demo accounts: printed only where the demo data belongs.
if (!demoModeOn()) {
  console.error(
    "demo:totp: demo mode only (DEMO_MODE=true npm run demo:totp -- <account>); a real account's code comes from its owner's authenticator app",
  );
  process.exit(2);
}
const account = process.argv[2] ?? "finance.admin";
const known = Object.values(DEMO_USERS).map((u) => u.account);
if (!known.includes(account as (typeof known)[number])) {
  console.error(`demo:totp: ${account} is not a demo login (${known.join(", ")})`);
  process.exit(2);
}
const now = new Date();
const left = TOTP_PARAMS.period - (Math.floor(now.getTime() / 1000) % TOTP_PARAMS.period);
console.log(currentTotp(demoTotpSecret(DEFAULT_SEED, account), now));
console.error(`(${account}: valid for ${left} more seconds; step ${totpStep(now)})`);
