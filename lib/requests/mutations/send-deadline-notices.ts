/**
 * Yellow and red notices to the assigned bank of every item with a running deadline:
 * yellow on the due day (Shanghai) while not yet past dueAt, red once past it. Nothing
 * changes on the request, so nothing is locked: the notification dedupe keys
 * (`request.yellow:<id>:<dueAt ISO>`, `request.red:<id>:<dueAt ISO>`) make each notice
 * once per deadline, however many workers scan. A new deadline (passed, assigned,
 * reopened) gets its own notices.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { deadlineState } from "@/lib/requests/deadline-state";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { notifyMany, type TNotifyInput } from "@/lib/notifications/mutations/notify";
import { eventsNotified, requestLink, RUNNING, startOfNextShanghaiDay } from "@/lib/requests/deadline-scan";

type TTx = Prisma.TransactionClient;

type TRunning = { id: string; serial: string; title: string; dueAt: Date; assignedBankId: string };

function notice(kind: "request.yellow" | "request.red", r: TRunning): TNotifyInput {
  const dueAt = r.dueAt.toISOString();
  return {
    kind,
    orgIds: [r.assignedBankId],
    requestId: r.id,
    link: requestLink(r.id),
    params: { serial: r.serial, title: r.title, dueAt },
    dedupeKey: `${kind}:${r.id}:${dueAt}`,
  };
}

export async function sendDeadlineNotices(tx: TTx, now: Date, calendar: WorkingCalendar): Promise<{ yellow: number; red: number }> {
  // Due before the end of today: today's yellow ones and every overdue one.
  const rows = await tx.$queryRawUnsafe<TRunning[]>(
    `SELECT r.id::text AS id, r.serial, r.title, r."dueAt", r."assignedBankId"::text AS "assignedBankId"
       FROM "Request" r
      WHERE r.status = ANY($1::text[]::"RequestStatus"[])
        AND r."answeredAt" IS NULL
        AND r."assignedBankId" IS NOT NULL
        AND r."dueAt" < $2::timestamptz`,
    [...RUNNING],
    startOfNextShanghaiDay(now).toISOString(),
  );
  const yellow: TNotifyInput[] = [];
  const red: TNotifyInput[] = [];
  for (const r of rows) {
    const tone = deadlineState(r.dueAt, now, calendar).tone;
    if (tone === "yellow") yellow.push(notice("request.yellow", r));
    else if (tone === "red") red.push(notice("request.red", r));
  }
  return { yellow: eventsNotified(await notifyMany(tx, yellow)), red: eventsNotified(await notifyMany(tx, red)) };
}
