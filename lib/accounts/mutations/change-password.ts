import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { afterFailure, isLocked } from "@/lib/auth/lockout";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { TRequestMeta } from "./authenticate";
import { endAllSessions } from "./end-sessions";
import { notifyAccountLocked } from "./notify-account-locked";

/**
 * Changes the user's own password. Every session of the account ends (the caller
 * signs the browser out too). Errors: currentPasswordWrong, samePassword, or a policy
 * code (tooShort, tooFewClasses, likePrevious, commonPassword …) on field "newPassword".
 */
export async function changePassword(
  db: PrismaClient,
  input: { userId: string; currentPassword: string; newPassword: string },
  meta: TRequestMeta,
): Promise<void> {
  // The check and the failure count happen with the user row locked (like a sign-in):
  // parallel guesses from one stolen session are counted one after the other, so the
  // fifth wrong one locks the account, and nothing is checked while it is locked.
  const user = await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${input.userId}::uuid FOR UPDATE`;
      const row = await tx.user.findUniqueOrThrow({
        where: { id: input.userId },
        select: {
          id: true,
          orgId: true,
          account: true,
          name: true,
          mobile: true,
          passwordHash: true,
          failedSignIns: true,
          lockedUntil: true,
        },
      });
      const now = new Date();
      const audit = { actorUserId: row.id, actorOrgId: row.orgId, ...meta };
      if (isLocked(row, now)) {
        await writeAudit(tx, { action: "account.passwordChangeFailed", outcome: "DENIED", ...audit, details: { reason: "locked" } });
        return null;
      }
      if (await verifyPassword(row.passwordHash, input.currentPassword)) return row;
      // Guessing the current password from a stolen session counts like a failed sign-in:
      // five in a row lock the account and end its sessions.
      const next = afterFailure(row, now);
      await tx.user.update({ where: { id: row.id }, data: { failedSignIns: next.failedSignIns, lockedUntil: next.lockedUntil } });
      await writeAudit(tx, { action: "account.passwordChangeFailed", outcome: "FAILURE", ...audit });
      if (next.justLocked && next.lockedUntil) {
        await endAllSessions(tx, row.id, "locked");
        await writeAudit(tx, {
          action: "auth.locked",
          outcome: "DENIED",
          ...audit,
          details: { until: next.lockedUntil.toISOString() },
        });
        await notifyAccountLocked(tx, row.id, next.lockedUntil);
      }
      return null;
    },
    // Parallel attempts queue for the row lock, each holding a connection while the one
    // ahead hashes: they wait their turn for a connection instead of failing.
    { maxWait: 15_000, timeout: 15_000 },
  );
  if (!user) throw new AppError("invalidInput", { currentPassword: "currentPasswordWrong" });
  if (input.currentPassword === input.newPassword) throw new AppError("invalidInput", { newPassword: "samePassword" });
  // The current password has just been verified, so the new one can be compared with it.
  const policy = checkPasswordPolicy(input.newPassword, {
    account: user.account,
    name: user.name,
    mobile: user.mobile,
    previous: input.currentPassword,
  });
  if (policy) throw new AppError("invalidInput", { newPassword: policy });
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
    });
    await endAllSessions(tx, user.id, "passwordChanged");
    await writeAudit(tx, { action: "account.passwordChanged", actorUserId: user.id, actorOrgId: user.orgId, ...meta });
  });
}
