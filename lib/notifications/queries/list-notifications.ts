/**
 * The signed-in user's own notifications (never anyone else's: every query has
 * `userId` in its where clause). Unread first, then newest first.
 */
import { cache } from "react";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { paramsOf, type TNotificationParams } from "@/lib/notifications/render";

export const NOTIFICATIONS_PAGE_SIZE = 20;

export type TNotificationRow = {
  id: string;
  kind: string;
  /** The Chinese text as stored (shown when the kind is unknown to this version). */
  title: string;
  body: string | null;
  params: TNotificationParams;
  link: string | null;
  requestId: string | null;
  createdAt: Date;
  readAt: Date | null;
};

export type TNotificationPage = { rows: TNotificationRow[]; total: number; unread: number; page: number; pages: number; pageSize: number };

type TDb = Pick<PrismaClient, "notification">;

export async function listNotifications(db: TDb, userId: string, options: { page?: number } = {}): Promise<TNotificationPage> {
  const [total, unread] = await Promise.all([db.notification.count({ where: { userId } }), unreadCount(db, userId)]);
  const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  const wanted = Number.isSafeInteger(options.page) && options.page! > 0 ? options.page! : 1;
  const page = Math.min(wanted, pages);
  const rows = await db.notification.findMany({
    where: { userId },
    // readAt nulls first = unread first; then newest.
    orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
    take: NOTIFICATIONS_PAGE_SIZE,
    select: { id: true, kind: true, title: true, body: true, params: true, link: true, requestId: true, createdAt: true, readAt: true },
  });
  return {
    rows: rows.map((r) => ({ ...r, params: paramsOf(r.params) })),
    total,
    unread,
    page,
    pages,
    pageSize: NOTIFICATIONS_PAGE_SIZE,
  };
}

/**
 * Unread counts already known in this server render, per client and user: the session
 * check reads the signed-in user's own with the session row and hands it over with
 * rememberUnreadCount, so the header's bell and the page under it cost no query. Outside a
 * render (actions, route handlers, jobs) React's cache keeps nothing and every count reads
 * the database.
 */
const knownUnread = cache((db: object): Map<string, number> => {
  void db;
  return new Map();
});

export function rememberUnreadCount(db: object, userId: string, count: number): void {
  knownUnread(db).set(userId, count);
}

/**
 * Memoised for one server render (React cache; outside a render it is a plain call): the
 * header's bell and the page under it (a dashboard, the notification centre) both show
 * the number, and it should cost one query at most.
 */
export const unreadCount = cache(async (db: TDb, userId: string): Promise<number> => {
  return knownUnread(db).get(userId) ?? db.notification.count({ where: { userId, readAt: null } });
});
