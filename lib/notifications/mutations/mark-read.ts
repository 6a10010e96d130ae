/**
 * Marks the user's own notifications read. Ids of other users' notifications (or
 * unknown ids) are simply not matched: the where clause always carries `userId`.
 * Already-read notifications keep their first readAt.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";

type TDb = Pick<PrismaClient, "notification">;

/** Returns how many notifications changed from unread to read. */
export async function markRead(db: TDb, userId: string, which: readonly string[] | "all", now: Date = new Date()): Promise<number> {
  if (which !== "all" && which.length === 0) return 0;
  const result = await db.notification.updateMany({
    where: { userId, readAt: null, ...(which === "all" ? {} : { id: { in: [...which] } }) },
    data: { readAt: now },
  });
  return result.count;
}
