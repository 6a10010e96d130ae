import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { endSession } from "@/lib/accounts/mutations/end-sessions";
import { writeAudit } from "@/lib/audit/mutations/write-audit";

/** Sign-out: ends the session and records it in the audit log, in one transaction. */
export async function recordSignOut(
  db: PrismaClient,
  user: { userId: string; orgId: string | null; sessionId: string },
  meta: TRequestMeta,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await endSession(tx, user.sessionId, "signOut");
    await writeAudit(tx, {
      action: "auth.signOut",
      actorUserId: user.userId,
      actorOrgId: user.orgId,
      targetType: "Session",
      targetId: user.sessionId,
      ...meta,
    });
  });
}
