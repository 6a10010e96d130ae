import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { afterFailure, afterSuccess, isLocked, mayTellLocked } from "@/lib/auth/lockout";
import { reserveSignInAttempt } from "@/lib/auth/mutations/reserve-sign-in-attempt";
import { requiresTotp } from "@/lib/auth/mfa-policy";
import { verifyPassword } from "@/lib/auth/password";
import { RECOVERY_ALPHABET, RECOVERY_CODE_LENGTH, matchRecoveryCode, normalizeRecoveryCode } from "@/lib/auth/recovery-codes";
import { verifyTotp } from "@/lib/auth/totp";
import { notifyAccountLocked } from "./notify-account-locked";

// No user has this id (v4 UUIDs never are all zeros).
const NO_USER_ID = "00000000-0000-0000-0000-000000000000";

export type TAuthenticateInput = { login: string; password: string; totp?: string };
export type TRequestMeta = { ip: string | null; userAgent: string | null };

// "invalid" covers unknown account, wrong password, deactivated and locked accounts
// alike, so the answer never tells whether an account exists. "locked" is told only to
// someone who typed the account's right password (and only for the first guesses of a
// lock: lockout.ts mayTellLocked), who knows the account exists anyway
// (docs/decisions/016-password-reset.md). "rateLimited" (too many failed sign-ins from
// the address or portal-wide) is decided before the account is looked up, so it tells
// nothing about the account either.
export type TAuthenticateResult =
  | { ok: true; userId: string; sessionId: string; mustChangePassword: boolean; needsTotpEnrolment: boolean }
  | { ok: false; code: "invalid" | "totpRequired" | "totpInvalid" }
  | { ok: false; code: "locked"; lockedUntil: Date }
  | { ok: false; code: "rateLimited"; retryAt: Date };

// A 6-digit code is a TOTP code; anything that normalizes to a recovery code's shape
// (8 characters of its alphabet, typed with any dash, width or case) is a recovery code.
function looksLikeRecoveryCode(input: string): boolean {
  if (/^[0-9]{6}$/.test(input.normalize("NFKC").replace(/\s+/g, ""))) return false;
  const normalized = normalizeRecoveryCode(input);
  return normalized.length === RECOVERY_CODE_LENGTH && [...normalized].every((c) => RECOVERY_ALPHABET.includes(c));
}

/**
 * Checks a sign-in and, when it succeeds, opens a session row. Every attempt is first
 * counted against the address's and the portal's limits (lib/auth/sign-in-throttle.ts)
 * and refused over them without trying the password; an attempt whose password was
 * right is taken off those counts again. Failures count towards the account's lockout
 * (5 in a row → 15 minutes) and every outcome is audited. The user row is locked
 * (SELECT … FOR UPDATE) so parallel attempts cannot slip past the counter.
 */
export async function authenticate(
  db: PrismaClient,
  input: TAuthenticateInput,
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<TAuthenticateResult> {
  const login = input.login.trim();
  const reservation = await reserveSignInAttempt(db, meta.ip, now);
  if (!reservation.ok) {
    await writeAudit(db, {
      action: "auth.throttled",
      outcome: "DENIED",
      ...meta,
      details: { login, scope: reservation.scope, retryAt: reservation.retryAt.toISOString() },
    });
    return { ok: false, code: "rateLimited", retryAt: reservation.retryAt };
  }
  let result: TAuthenticateResult | undefined;
  try {
    result = await checkCredentials(db, login, input, meta, now);
    return result;
  } finally {
    // Only failures count: a right password (signed in, asked for its second factor, or
    // told the account is locked) and our own faults (an exception) are taken off again.
    if (!result) await reservation.release().catch(() => undefined);
    else if (result.ok || result.code === "totpRequired" || result.code === "locked") await reservation.release();
  }
}

async function checkCredentials(
  db: PrismaClient,
  login: string,
  input: TAuthenticateInput,
  meta: TRequestMeta,
  now: Date,
): Promise<TAuthenticateResult> {
  return db.$transaction(async (tx) => {
    // Locked (FOR UPDATE) so parallel attempts cannot slip past the failure counter.
    const [found] = await tx.$queryRaw<{ id: string; orgActive: boolean }[]>`
      SELECT u.id::text AS id, o.active AS "orgActive"
      FROM "User" u JOIN "Organization" o ON o.id = u."orgId"
      WHERE u.account = ${login} OR u.mobile = ${login}
      LIMIT 1 FOR UPDATE OF u`;
    // An unknown account goes through the same statements as a wrong password, against an
    // id no row has, and spends one Argon2 verification: the time of the answer must not
    // tell whether the account exists.
    const user = await tx.user.findUnique({
      where: { id: found?.id ?? NO_USER_ID },
      select: {
        id: true,
        orgId: true,
        role: true,
        active: true,
        passwordHash: true,
        failedSignIns: true,
        lockedUntil: true,
        mustChangePassword: true,
        totpSecret: true,
        totpEnabledAt: true,
        totpLastStep: true,
        recoveryCodes: true,
        sessionVersion: true,
      },
    });
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !found) {
      await tx.user.updateMany({ where: { id: NO_USER_ID }, data: { failedSignIns: 0, lockedUntil: null } });
      await writeAudit(tx, { action: "auth.signIn", outcome: "FAILURE", ...meta, details: { login, reason: "unknownAccount" } });
      return { ok: false as const, code: "invalid" as const };
    }
    const audit = { actorUserId: user.id, actorOrgId: user.orgId, ...meta };
    const fail = async (code: "invalid" | "totpInvalid", reason: string) => {
      if (isLocked(user, now)) {
        // The lock is not extended; the guess is counted (lockout.ts afterFailure).
        const next = afterFailure(user, now);
        await tx.user.updateMany({ where: { id: user.id }, data: { failedSignIns: next.failedSignIns, lockedUntil: next.lockedUntil } });
        await writeAudit(tx, { action: "auth.signIn", outcome: "DENIED", ...audit, details: { reason: "locked" } });
        return { ok: false as const, code: "invalid" as const };
      }
      const next = afterFailure(user, now);
      await tx.user.updateMany({ where: { id: user.id }, data: { failedSignIns: next.failedSignIns, lockedUntil: next.lockedUntil } });
      await writeAudit(tx, { action: "auth.signIn", outcome: "FAILURE", ...audit, details: { reason } });
      if (next.justLocked && next.lockedUntil) {
        await writeAudit(tx, {
          action: "auth.locked",
          outcome: "DENIED",
          ...audit,
          details: { until: next.lockedUntil.toISOString() },
        });
        await notifyAccountLocked(tx, user.id, next.lockedUntil);
      }
      return { ok: false as const, code };
    };

    if (isLocked(user, now)) {
      // The owner, who knows the password, is told the account is locked and how to get
      // back in; the statements are those of any refusal of a locked account.
      if (passwordOk && user.active && found.orgActive && mayTellLocked(user, now)) {
        await tx.user.updateMany({ where: { id: user.id }, data: { failedSignIns: user.failedSignIns, lockedUntil: user.lockedUntil } });
        await writeAudit(tx, { action: "auth.signIn", outcome: "DENIED", ...audit, details: { reason: "locked", passwordRight: true } });
        return { ok: false as const, code: "locked" as const, lockedUntil: user.lockedUntil! };
      }
      return fail("invalid", "locked");
    }
    if (!passwordOk) return fail("invalid", "wrongPassword");
    if (!user.active || !found.orgActive) return fail("invalid", "inactive");

    let totpLastStep = user.totpLastStep;
    let recoveryCodes = user.recoveryCodes;
    if (user.totpSecret && user.totpEnabledAt) {
      const code = input.totp?.trim() ?? "";
      if (!code) return { ok: false as const, code: "totpRequired" as const };
      if (looksLikeRecoveryCode(code)) {
        const match = matchRecoveryCode(code, recoveryCodes);
        if (!match.ok) return fail("totpInvalid", "recoveryCodeInvalid");
        recoveryCodes = match.remaining;
        await writeAudit(tx, { action: "auth.recoveryCodeUsed", ...audit, details: { remaining: recoveryCodes.length } });
      } else {
        const result = verifyTotp({ secret: user.totpSecret, code, now, lastUsedStep: user.totpLastStep });
        if (!result.ok) return fail("totpInvalid", `totp_${result.reason}`);
        totpLastStep = result.step;
      }
    }

    await tx.user.update({
      where: { id: user.id },
      data: { ...afterSuccess(), totpLastStep, recoveryCodes, lastSignInAt: now },
    });
    const session = await tx.session.create({
      data: { userId: user.id, sessionVersion: user.sessionVersion, createdAt: now, lastSeenAt: now, ...meta },
      select: { id: true },
    });
    await writeAudit(tx, { action: "auth.signIn", ...audit, targetType: "Session", targetId: session.id });
    return {
      ok: true as const,
      userId: user.id,
      sessionId: session.id,
      mustChangePassword: user.mustChangePassword,
      needsTotpEnrolment: requiresTotp(user.role) && !user.totpEnabledAt,
    };
  });
}
