import type { Prisma } from "@/lib/generated/prisma/client";

type TDb = Pick<Prisma.TransactionClient, "session" | "user">;

/** Sign-out: ends one session. */
export async function endSession(db: TDb, sessionId: string, reason: string, now: Date = new Date()): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokeReason: reason } });
}

/**
 * Password change, deactivation, role change, TOTP reset: every session of the account
 * ends at once. Bumping the version also refuses sessions being created concurrently.
 */
export async function endAllSessions(db: TDb, userId: string, reason: string, now: Date = new Date()): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now, revokeReason: reason } });
}
