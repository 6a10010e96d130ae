/**
 * Demo credentials: every seeded account signs in with DEMO_PASSWORD; the demo logins of
 * roles that must use a second factor get a TOTP secret derived from the seed and the
 * account, so `npm run demo:totp -- <account>` can print the current code without a
 * database. Derived, never random, so the same options still give the same rows.
 */
import { createHash } from "node:crypto";
import { hash as argon2Hash } from "@node-rs/argon2";
import { Secret } from "otpauth";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PASSWORD_HASH_PARAMS } from "@/lib/auth/password";
import { requiresTotp } from "@/lib/auth/mfa-policy";
import { DEMO_USERS } from "./base";
import { DEMO_EMAIL_DOMAIN } from "@/lib/accounts/queries/list-demo-accounts";

export const DEMO_PASSWORD = "Rongqiao@2026";

const DEMO_ACCOUNTS: ReadonlySet<string> = new Set(Object.values(DEMO_USERS).map((u) => u.account));

function derive(seed: string, purpose: string, bytes: number): Uint8Array {
  return new Uint8Array(createHash("sha256").update(`${seed}\u0000${purpose}`).digest().subarray(0, bytes));
}

export function demoTotpSecret(seed: string, account: string): string {
  return new Secret({ buffer: derive(seed, `totp:${account}`, 20).buffer as ArrayBuffer }).base32;
}

/** One Argon2id hash for all demo users (one hash, not thousands: seeding stays fast). */
export function demoPasswordHash(seed: string): Promise<string> {
  return argon2Hash(DEMO_PASSWORD, { ...PASSWORD_HASH_PARAMS, salt: derive(seed, "password-salt", 16) });
}

export { DEMO_EMAIL_DOMAIN };

export function withDemoCredentials(
  users: Prisma.UserCreateManyInput[],
  ctx: { seed: string; passwordHash: string; enrolledAt: Date },
): Prisma.UserCreateManyInput[] {
  return users.map((u) => {
    const totp = DEMO_ACCOUNTS.has(u.account) && requiresTotp(u.role);
    return {
      ...u,
      passwordHash: ctx.passwordHash,
      passwordChangedAt: ctx.enrolledAt,
      // Every row gets the same columns: the bulk insert sends one column list.
      totpSecret: totp ? demoTotpSecret(ctx.seed, u.account) : null,
      totpEnabledAt: totp ? ctx.enrolledAt : null,
      // Demo accounts get an address on a reserved domain, so notification e-mails show up
      // in .data/mail during a demo (nothing is sent without SMTP_URL).
      email: DEMO_ACCOUNTS.has(u.account) ? `${u.account}@${DEMO_EMAIL_DOMAIN}` : null,
    };
  });
}
