import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { reserveResetRequest } from "@/lib/auth/mutations/reserve-reset-request";
import { resetLinkExpiry } from "@/lib/auth/password-reset";
import { enqueueJobs } from "@/lib/jobs/mutations/enqueue-jobs";
import type { TRequestMeta } from "./authenticate";

export const RESET_MAIL_JOB = "password-reset.send";

export type TRequestResetResult = { ok: true } | { ok: false; code: "rateLimited"; retryAt: Date };

/**
 * A new reset link for the user, e-mailed by the RESET_MAIL_JOB job (in the caller's
 * transaction, so no mail goes out for a change that rolled back). Earlier links of the
 * user that were not used stop working: only the newest one opens the account.
 */
export async function createPasswordReset(
  tx: Prisma.TransactionClient,
  userId: string,
  issuedBy: "self" | "admin",
  now: Date,
): Promise<string> {
  await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  const reset = await tx.passwordReset.create({
    data: { userId, issuedBy, expiresAt: resetLinkExpiry(now), createdAt: now },
    select: { id: true },
  });
  await enqueueJobs(tx, [{ kind: RESET_MAIL_JOB, payload: { resetId: reset.id }, dedupeKey: `password-reset:${reset.id}` }]);
  return reset.id;
}

/**
 * 忘记密码: e-mails a reset link to the account typed (account name or mobile) if it exists,
 * is active and has an address. The answer is the same in every case — only "rateLimited",
 * decided before the account is looked up, differs — so it never tells whether an account
 * exists; the audit log records what happened.
 */
export async function requestPasswordReset(
  db: PrismaClient,
  input: { login: string },
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<TRequestResetResult> {
  const login = input.login.trim();
  return db.$transaction(async (tx) => {
    const reservation = await reserveResetRequest(tx, meta.ip, login, now);
    if (!reservation.ok) {
      await writeAudit(tx, {
        action: "auth.passwordResetThrottled",
        outcome: "DENIED",
        ...meta,
        details: { login, retryAt: reservation.retryAt.toISOString() },
      });
      return { ok: false as const, code: "rateLimited" as const, retryAt: reservation.retryAt };
    }
    const user = await tx.user.findFirst({
      where: { OR: [{ account: login }, { mobile: login }] },
      select: { id: true, orgId: true, active: true, email: true, org: { select: { active: true } } },
    });
    const reason = !user ? "unknownAccount" : !user.active || !user.org.active ? "inactive" : !user.email?.trim() ? "noAddress" : null;
    if (!user || reason) {
      await writeAudit(tx, {
        action: "auth.passwordResetRequested",
        outcome: "FAILURE",
        actorUserId: user?.id ?? null,
        actorOrgId: user?.orgId ?? null,
        ...meta,
        details: { login, reason },
      });
      return { ok: true as const };
    }
    const resetId = await createPasswordReset(tx, user.id, "self", now);
    await writeAudit(tx, {
      action: "auth.passwordResetRequested",
      actorUserId: user.id,
      actorOrgId: user.orgId,
      targetType: "PasswordReset",
      targetId: resetId,
      ...meta,
    });
    return { ok: true as const };
  });
}
