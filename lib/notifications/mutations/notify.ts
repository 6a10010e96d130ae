/**
 * Creates in-app notifications for every active user of the given organizations
 * (optionally only some roles), inside the caller's transaction, exactly once per
 * (dedupeKey, user): inserts are ON CONFLICT ("dedupeKey") DO NOTHING with the key
 * `${dedupeKey}:${userId}`, so two job workers (or a retried job) seeing the same event
 * create one notification. Each new notification whose user has an e-mail address gets
 * one "email.send" job, deduplicated the same way.
 *
 * Title and body are stored in Chinese (../render.ts with zh-CN) — the text of the
 * e-mail; `params` are stored too, so the notification centre shows the reader's language.
 * `notifyMany` does the same for many events in a fixed number of statements (the
 * deadline scan notifies every overdue item at once).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { enqueueJobs } from "@/lib/jobs/mutations/enqueue-jobs";
import { renderNotification, type TNotificationKind } from "@/lib/notifications/render";

export { fillMessage, type TNotificationKind } from "@/lib/notifications/render";

export type TNotifyInput = {
  kind: TNotificationKind;
  /** Every active user of these organizations … */
  orgIds: readonly string[];
  /** … optionally only with these roles. */
  roles?: readonly Role[];
  requestId?: string | null;
  /** In-app link, e.g. `/requests/<id>`. */
  link?: string | null;
  /**
   * Message parameters (strings and numbers only), e.g. { serial, title, dueAt }. Give
   * dates as ISO strings (instant or "YYYY-MM-DD"): each reader sees them in their language.
   */
  params: Record<string, string | number>;
  /** The event's identity, e.g. `request.red:<requestId>:<dueAt ISO>`. */
  dedupeKey: string;
};

type TTx = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;
type TCreated = { id: string; userId: string; eventKey: string; email: string | null };

const EVENTS_PER_STATEMENT = 2000;

/** Returns the notifications created (none when they all existed already). */
export async function notify(tx: TTx, input: TNotifyInput): Promise<{ id: string; userId: string }[]> {
  return (await notifyMany(tx, [input])).map(({ id, userId }) => ({ id, userId }));
}

/**
 * As notify(), for many events; returns every notification created (with its event's
 * dedupeKey as `eventKey`), in no particular order.
 */
export async function notifyMany(tx: TTx, inputs: readonly TNotifyInput[]): Promise<{ id: string; userId: string; eventKey: string }[]> {
  const events = inputs.filter((e) => e.orgIds.length > 0);
  const created: TCreated[] = [];
  for (let i = 0; i < events.length; i += EVENTS_PER_STATEMENT) {
    const chunk = events.slice(i, i + EVENTS_PER_STATEMENT);
    const texts = chunk.map((e) => renderNotification(e.kind, e.params, "zh-CN")!);
    // Recipients per event: org ids and roles travel as JSON arrays (unnest cannot take
    // arrays of arrays of different lengths).
    const rows = await tx.$queryRawUnsafe<TCreated[]>(
      `WITH events AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           WITH ORDINALITY AS e(kind, "orgIds", roles, title, body, link, "requestId", params, "dedupeKey", ord)
       ), event_orgs AS (
         SELECT e.ord, o.id::uuid AS "orgId" FROM events e CROSS JOIN LATERAL jsonb_array_elements_text(e."orgIds"::jsonb) AS o(id)
       ), recipients AS (
         SELECT DISTINCT ON (e."dedupeKey", u.id) e.*, u.id AS "userId", u."orgId"
           FROM event_orgs eo
           JOIN events e ON e.ord = eo.ord
           JOIN "User" u ON u."orgId" = eo."orgId" AND u.active
          WHERE e.roles IS NULL OR u.role::text = ANY (ARRAY(SELECT jsonb_array_elements_text(e.roles::jsonb)))
       ), inserted AS (
         INSERT INTO "Notification" (id, "userId", "orgId", kind, title, body, link, "requestId", params, "dedupeKey")
         SELECT gen_random_uuid(), r."userId", r."orgId", r.kind, r.title, r.body, r.link, r."requestId"::uuid, r.params::jsonb,
                r."dedupeKey" || ':' || r."userId"::text
           FROM recipients r
         ON CONFLICT ("dedupeKey") DO NOTHING
         RETURNING id, "userId", "dedupeKey"
       )
       SELECT i.id::text AS id, i."userId"::text AS "userId", left(i."dedupeKey", length(i."dedupeKey") - length(i."userId"::text) - 1) AS "eventKey", u.email
         FROM inserted i JOIN "User" u ON u.id = i."userId"`,
      chunk.map((e) => e.kind),
      chunk.map((e) => JSON.stringify(e.orgIds)),
      chunk.map((e) => (e.roles ? JSON.stringify(e.roles) : null)),
      texts.map((t) => t.title),
      texts.map((t) => t.body),
      chunk.map((e) => e.link ?? null),
      chunk.map((e) => e.requestId ?? null),
      chunk.map((e) => JSON.stringify(e.params)),
      chunk.map((e) => e.dedupeKey),
    );
    created.push(...rows);
  }
  await enqueueJobs(
    tx,
    created.filter((n) => n.email).map((n) => ({ kind: "email.send", payload: { notificationId: n.id }, dedupeKey: `email:${n.id}` })),
  );
  return created.map(({ id, userId, eventKey }) => ({ id, userId, eventKey }));
}
