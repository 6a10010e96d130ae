/**
 * Reminders to the enterprise before its documents' limit (lib/requests/documents-deadline.ts):
 * "soon" when at most two working days remain, "lastDay" on the last one. Nothing changes on
 * the item, so nothing is locked: the dedupe key `request.documentsReminder:<id>:<answeredAt
 * ISO>:<stage>` makes each reminder once per answer, however many workers scan.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { notifyMany, type TNotifyInput } from "@/lib/notifications/mutations/notify";
import { documentsDueAt, documentsReminder, REMIND_WORKING_DAYS_LEFT } from "@/lib/requests/documents-deadline";
import { eventsNotified, requestLink } from "@/lib/requests/deadline-scan";
import { readAwaitingDocuments } from "@/lib/requests/mutations/close-unsupplied-documents";

type TTx = Prisma.TransactionClient;

export async function remindMissingDocuments(tx: TTx, now: Date, calendar: WorkingCalendar): Promise<number> {
  // A reminder is due from REMIND_WORKING_DAYS_LEFT working days before the limit: at least
  // that many calendar days earlier than the close's pre-filter, plus a weekend's slack.
  const candidates = await readAwaitingDocuments(tx, now, REMIND_WORKING_DAYS_LEFT + 2, false);
  const notices: TNotifyInput[] = [];
  for (const c of candidates) {
    const dueAt = documentsDueAt(c.answeredAt, c.supplementDeadlineDays, calendar);
    const stage = documentsReminder(dueAt, now, calendar);
    if (!stage) continue;
    notices.push({
      kind: "request.documentsReminder",
      orgIds: [c.enterpriseOrgId],
      requestId: c.id,
      link: requestLink(c.id),
      params: { serial: c.serial, title: c.title, dueAt: dueAt.toISOString() },
      dedupeKey: `request.documentsReminder:${c.id}:${c.answeredAt.toISOString()}:${stage}`,
    });
  }
  return eventsNotified(await notifyMany(tx, notices));
}
