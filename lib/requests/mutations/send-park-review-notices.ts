/**
 * Yellow and red notices to the park window of every item waiting for its review
 * (SUBMITTED with a review deadline): yellow on the due day (Shanghai) while not yet past
 * parkDueAt, red once past it — deadlineState, the bank notices' rule. Nothing changes on
 * the request, so nothing is locked: the dedupe keys (`request.parkYellow:<id>:<parkDueAt
 * ISO>` …) make each notice once per deadline, however many workers scan; a new clock
 * (resubmission, an overruled return) gets its own notices. Reads the SUBMITTED items due
 * before the end of today on Request(status, parkDueAt, parkEscalatedAt).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { notifyMany, type TNotifyInput } from "@/lib/notifications/mutations/notify";
import { eventsNotified, requestLink, startOfNextShanghaiDay } from "@/lib/requests/deadline-scan";
import { parkReviewState } from "@/lib/requests/park-review-deadline";

type TTx = Prisma.TransactionClient;

type TWaiting = { id: string; serial: string; title: string; parkDueAt: Date; parkOrgId: string };

function notice(kind: "request.parkYellow" | "request.parkRed", r: TWaiting): TNotifyInput {
  const dueAt = r.parkDueAt.toISOString();
  return {
    kind,
    orgIds: [r.parkOrgId],
    requestId: r.id,
    link: requestLink(r.id),
    params: { serial: r.serial, title: r.title, dueAt },
    dedupeKey: `${kind}:${r.id}:${dueAt}`,
  };
}

export async function sendParkReviewNotices(tx: TTx, now: Date, calendar: WorkingCalendar): Promise<{ yellow: number; red: number }> {
  const rows = await tx.$queryRawUnsafe<TWaiting[]>(
    `SELECT r.id::text AS id, r.serial, r.title, r."parkDueAt", p."orgId"::text AS "parkOrgId"
       FROM "Request" r
       JOIN "Park" p ON p.id = r."parkId"
      WHERE r.status = $1::text::"RequestStatus"
        AND r."parkDueAt" < $2::timestamptz`,
    RequestStatus.SUBMITTED,
    startOfNextShanghaiDay(now).toISOString(),
  );
  const yellow: TNotifyInput[] = [];
  const red: TNotifyInput[] = [];
  for (const r of rows) {
    const tone = parkReviewState(r.parkDueAt, now, calendar)?.tone;
    if (tone === "yellow") yellow.push(notice("request.parkYellow", r));
    else if (tone === "red") red.push(notice("request.parkRed", r));
  }
  return { yellow: eventsNotified(await notifyMany(tx, yellow)), red: eventsNotified(await notifyMany(tx, red)) };
}
