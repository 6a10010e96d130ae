import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { hashResetToken, isResetUsable } from "@/lib/auth/password-reset";
import { checkPasswordPolicy, hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { TRequestMeta } from "./authenticate";
import { endAllSessions } from "./end-sessions";

const INVALID_LINK = () => new AppError("invalidInput", { token: "resetLinkInvalid" });

type TReset = { id: string; userId: string; orgId: string; usedAt: Date | null; expiresAt: Date; active: boolean };

/**
 * Sets a new password through an e-mailed reset link. The link works once: its row is
 * locked and re-checked in the transaction that changes the password, so two tabs sending
 * the same link change it once. An unknown, used or expired token — or one of an account
 * deactivated since — is refused the same way ("resetLinkInvalid" on field "token"). The
 * password must pass the policy; a refused password leaves the link usable. Success clears
 * a lockout and ends every session of the account.
 */
export async function resetPasswordWithToken(
  db: PrismaClient,
  input: { token: string; newPassword: string },
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<void> {
  const tokenHash = hashResetToken(input.token);
  const read = (rows: TReset[]) => rows[0] ?? null;
  const found = await db.passwordReset.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { id: true, orgId: true, account: true, name: true, mobile: true, active: true, org: { select: { active: true } } } },
    },
  });
  if (!found || !isResetUsable(found, now) || !found.user.active || !found.user.org.active) {
    await writeAudit(db, {
      action: "auth.passwordResetRefused",
      outcome: "DENIED",
      actorUserId: found?.user.id ?? null,
      actorOrgId: found?.user.orgId ?? null,
      ...meta,
      details: { reason: !found ? "unknownToken" : found.usedAt ? "used" : !isResetUsable(found, now) ? "expired" : "inactive" },
    });
    throw INVALID_LINK();
  }
  const policy = checkPasswordPolicy(input.newPassword, { account: found.user.account, name: found.user.name, mobile: found.user.mobile });
  if (policy) throw new AppError("invalidInput", { newPassword: policy });
  const passwordHash = await hashPassword(input.newPassword);

  const done = await db.$transaction(async (tx) => {
    const reset = read(
      await tx.$queryRaw<TReset[]>`
        SELECT r.id::text AS id, r."userId"::text AS "userId", u."orgId"::text AS "orgId", r."usedAt", r."expiresAt", u.active
          FROM "PasswordReset" r JOIN "User" u ON u.id = r."userId"
         WHERE r.id = ${found.id}::uuid
           FOR UPDATE OF r, u`,
    );
    if (!reset || !reset.active || !isResetUsable(reset, now)) return false;
    await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now, failedSignIns: 0, lockedUntil: null },
    });
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    await endAllSessions(tx, reset.userId, "passwordReset", now);
    await writeAudit(tx, {
      action: "auth.passwordResetDone",
      actorUserId: reset.userId,
      actorOrgId: reset.orgId,
      targetType: "PasswordReset",
      targetId: reset.id,
      ...meta,
    });
    return true;
  });
  if (!done) {
    await writeAudit(db, {
      action: "auth.passwordResetRefused",
      outcome: "DENIED",
      actorUserId: found.user.id,
      ...meta,
      details: { reason: "used" },
    });
    throw INVALID_LINK();
  }
}
