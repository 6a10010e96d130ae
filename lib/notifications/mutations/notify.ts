/**
 * Creates in-app notifications for every active user of the given organizations
 * (optionally only some roles), inside the caller's transaction, exactly once per
 * (dedupeKey, user): inserts are ON CONFLICT ("dedupeKey") DO NOTHING with the key
 * `${dedupeKey}:${userId}`, so two job workers (or a retried job) seeing the same event
 * create one notification. Each new notification whose user has an e-mail address gets
 * one "email.send" job, deduplicated the same way.
 *
 * Title and body are rendered in Chinese from lib/i18n/messages/zh-CN/notifications.json
 * (`notifications.kinds.<kind>`) — the text of the e-mail; `params` are stored too, so the
 * notification centre shows the reader's language.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import zh from "@/lib/i18n/messages/zh-CN/notifications.json";
import { enqueueJobs } from "@/lib/jobs/mutations/enqueue";

export type TNotificationKind = keyof typeof zh.notifications.kinds;

export type TNotifyInput = {
  kind: TNotificationKind;
  /** Every active user of these organizations … */
  orgIds: readonly string[];
  /** … optionally only with these roles. */
  roles?: readonly Role[];
  requestId?: string | null;
  /** In-app link, e.g. `/requests/<id>`. */
  link?: string | null;
  /** Message parameters (strings and numbers only), e.g. { serial, title, dueAt }. */
  params: Record<string, string | number>;
  /** The event's identity, e.g. `request.red:<requestId>:<dueAt ISO>`. */
  dedupeKey: string;
};

type TTx = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

/** `{name}` placeholders only: the notification texts use nothing else. */
export function fillMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** Returns the notifications created (none when they all existed already). */
export async function notify(tx: TTx, input: TNotifyInput): Promise<{ id: string; userId: string }[]> {
  if (input.orgIds.length === 0) return [];
  const texts = zh.notifications.kinds[input.kind];
  const created = await tx.$queryRawUnsafe<Array<{ id: string; userId: string; email: string | null }>>(
    `WITH recipients AS (
       SELECT u.id, u."orgId", u.email FROM "User" u
        WHERE u.active AND u."orgId" = ANY($1::text[]::uuid[])
          AND ($2::text[] IS NULL OR u.role::text = ANY($2::text[]))
     ), inserted AS (
       INSERT INTO "Notification" (id, "userId", "orgId", kind, title, body, link, "requestId", params, "dedupeKey")
       SELECT gen_random_uuid(), r.id, r."orgId", $3, $4, $5, $6, $7::uuid, $8::jsonb, $9 || ':' || r.id::text
         FROM recipients r
       ON CONFLICT ("dedupeKey") DO NOTHING
       RETURNING id, "userId"
     )
     SELECT i.id::text AS id, i."userId"::text AS "userId", r.email
       FROM inserted i JOIN recipients r ON r.id = i."userId"`,
    [...input.orgIds],
    input.roles ? [...input.roles] : null,
    input.kind,
    fillMessage(texts.title, input.params),
    fillMessage(texts.body, input.params),
    input.link ?? null,
    input.requestId ?? null,
    JSON.stringify(input.params),
    input.dedupeKey,
  );
  await enqueueJobs(
    tx,
    created.filter((n) => n.email).map((n) => ({ kind: "email.send", payload: { notificationId: n.id }, dedupeKey: `email:${n.id}` })),
  );
  return created.map(({ id, userId }) => ({ id, userId }));
}
