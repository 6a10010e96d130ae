import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { afterFailure } from "@/lib/auth/lockout";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { TRequestMeta } from "./authenticate";
import { endAllSessions } from "./end-sessions";

/**
 * Changes the user's own password. Every session of the account ends (the caller
 * signs the browser out too). Errors: currentPasswordWrong, samePassword, or a policy
 * code (tooShort, tooFewClasses …) on field "newPassword".
 */
export async function changePassword(
  db: PrismaClient,
  input: { userId: string; currentPassword: string; newPassword: string },
  meta: TRequestMeta,
): Promise<void> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { id: true, orgId: true, account: true, name: true, passwordHash: true, failedSignIns: true, lockedUntil: true },
  });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    // Guessing the current password from a stolen session counts like a failed sign-in:
    // five in a row lock the account and end its sessions.
    await db.$transaction(async (tx) => {
      const next = afterFailure(user, new Date());
      await tx.user.update({ where: { id: user.id }, data: { failedSignIns: next.failedSignIns, lockedUntil: next.lockedUntil } });
      const audit = { actorUserId: user.id, actorOrgId: user.orgId, ...meta };
      await writeAudit(tx, { action: "account.passwordChangeFailed", outcome: "FAILURE", ...audit });
      if (next.justLocked) {
        await endAllSessions(tx, user.id, "locked");
        await writeAudit(tx, { action: "auth.locked", outcome: "DENIED", ...audit, details: { until: next.lockedUntil?.toISOString() ?? null } });
      }
    });
    throw new AppError("invalidInput", { currentPassword: "currentPasswordWrong" });
  }
  if (input.currentPassword === input.newPassword) throw new AppError("invalidInput", { newPassword: "samePassword" });
  const policy = checkPasswordPolicy(input.newPassword, { account: user.account, name: user.name });
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
