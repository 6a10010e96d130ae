import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { generateRecoveryCodes } from "@/lib/auth/recovery-codes";
import { generateTotpSecret, totpUri, verifyTotp } from "@/lib/auth/totp";
import { AppError } from "@/lib/errors";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";

/**
 * The secret being enrolled: kept on the user (not yet enabled) so a reload shows the
 * same QR code. An enabled secret is never shown again.
 */
export async function pendingTotpEnrolment(db: PrismaClient, userId: string): Promise<{ secret: string; uri: string } | null> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { account: true, totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) return null;
  let secret = user.totpSecret;
  if (!secret) {
    secret = generateTotpSecret();
    await db.user.updateMany({ where: { id: userId, totpEnabledAt: null }, data: { totpSecret: secret } });
  }
  return { secret, uri: totpUri({ secret, account: user.account }) };
}

/** Turns TOTP on after a correct first code; returns the recovery codes, shown once. */
export async function confirmTotpEnrolment(
  db: PrismaClient,
  input: { userId: string; code: string },
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  // Failures return instead of throwing so their audit entry commits.
  const outcome = await db.$transaction(
    async (tx): Promise<{ error: "totpAlreadyEnabled" | "totpInvalid" } | { recoveryCodes: string[] }> => {
      const user = await tx.user.findUniqueOrThrow({
        where: { id: input.userId },
        select: { id: true, orgId: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
      });
      if (user.totpEnabledAt) return { error: "totpAlreadyEnabled" };
      if (!user.totpSecret) return { error: "totpInvalid" };
      const result = verifyTotp({ secret: user.totpSecret, code: input.code, now, lastUsedStep: user.totpLastStep });
      if (!result.ok) {
        await writeAudit(tx, { action: "totp.enrolFailed", outcome: "FAILURE", actorUserId: user.id, actorOrgId: user.orgId, ...meta });
        return { error: "totpInvalid" };
      }
      const codes = generateRecoveryCodes();
      await tx.user.update({
        where: { id: user.id },
        data: { totpEnabledAt: now, totpLastStep: result.step, recoveryCodes: codes.hashes },
      });
      await writeAudit(tx, { action: "totp.enabled", actorUserId: user.id, actorOrgId: user.orgId, ...meta });
      return { recoveryCodes: codes.plain };
    },
  );
  if ("error" in outcome) throw new AppError("invalidInput", { code: outcome.error });
  return outcome;
}
