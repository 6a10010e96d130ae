/**
 * One notification to one user (not to everyone in an organization, as notify() does):
 * for events about the account itself, such as its lockout. Same guarantees as notify():
 * written in the caller's transaction, once per (dedupeKey, user), texts stored in
 * Chinese with the params for the reader's language, and an "email.send" job when the
 * user has an address.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJobs } from "@/lib/jobs/mutations/enqueue-jobs";
import { renderNotification, type TNotificationKind } from "@/lib/notifications/render";

type TTx = Pick<Prisma.TransactionClient, "notification" | "user" | "$executeRawUnsafe">;

export type TNotifyUserInput = {
  kind: TNotificationKind;
  userId: string;
  params: Record<string, string | number>;
  link?: string | null;
  /** The event's identity, e.g. `account.locked:<userId>:<until ISO>`. */
  dedupeKey: string;
};

/** Returns the notification's id, or null when it existed already or the user is inactive. */
export async function notifyUser(tx: TTx, input: TNotifyUserInput): Promise<string | null> {
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: { orgId: true, email: true, active: true } });
  if (!user?.active) return null;
  const texts = renderNotification(input.kind, input.params, "zh-CN")!;
  const [created] = await tx.notification.createManyAndReturn({
    data: [
      {
        userId: input.userId,
        orgId: user.orgId,
        kind: input.kind,
        title: texts.title,
        body: texts.body,
        link: input.link ?? null,
        params: input.params,
        dedupeKey: `${input.dedupeKey}:${input.userId}`,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!created) return null;
  if (user.email?.trim()) {
    await enqueueJobs(tx, [{ kind: "email.send", payload: { notificationId: created.id }, dedupeKey: `email:${created.id}` }]);
  }
  return created.id;
}
