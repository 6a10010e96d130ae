import type { Prisma } from "@/lib/generated/prisma/client";
import { LOCKOUT } from "@/lib/auth/lockout";
import { notifyUser } from "@/lib/notifications/mutations/notify-user";

/**
 * Tells the owner of an account that it has just been locked (in the app and by e-mail),
 * with how to get back in: wait, 忘记密码, or the organization's administrator. Called in
 * the transaction that set the lock, once per lock.
 */
export async function notifyAccountLocked(tx: Prisma.TransactionClient, userId: string, lockedUntil: Date): Promise<void> {
  await notifyUser(tx, {
    kind: "account.locked",
    userId,
    params: { minutes: LOCKOUT.lockMinutes, failures: LOCKOUT.maxFailures },
    dedupeKey: `account.locked:${userId}:${lockedUntil.toISOString()}`,
  });
}
