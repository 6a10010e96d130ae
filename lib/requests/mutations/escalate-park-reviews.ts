/**
 * Overdue park reviews go to supervision (督办), as overdue bank replies do: a SUBMITTED
 * item whose review deadline passed more than `escalateAfterDays` working days ago (rule
 * version; 0 = as soon as it is overdue) gets a system PARK_REVIEW_ESCALATE ledger entry
 * (actor null), parkEscalatedAt set (version bumped, as every ledger entry does) and
 * notices to the supervisors and the park window. The item stays SUBMITTED: the park
 * still has to review it, and the finance office sees why it is late.
 *
 * Once per deadline: parkEscalatedAt is set in the same transaction and a candidate must
 * have none; candidates are locked FOR UPDATE SKIP LOCKED, so a row another scan (or the
 * park forwarding it right now) holds is left for the next scan. A new clock
 * (resubmission, an overruled return) clears the mark. The candidates are the SUBMITTED,
 * not yet escalated, overdue items: a range of Request(status, parkDueAt, parkEscalatedAt).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { LedgerAction, RequestStatus } from "@/lib/generated/prisma/enums";
import { workingDaysBetween, type WorkingCalendar } from "@/lib/calendar/working-days";
import { appendLedgerEntries } from "@/lib/ledger/mutations/append-ledger-entry";
import { notifyMany } from "@/lib/notifications/mutations/notify";
import { requestLink, ROWS_PER_STATEMENT } from "@/lib/requests/deadline-scan";
import { isParkReviewEscalationDue } from "@/lib/requests/park-review-deadline";
import { supervisorOrgIds } from "@/lib/requests/mutations/notify-step";

type TTx = Prisma.TransactionClient;

type TCandidate = {
  id: string;
  serial: string;
  title: string;
  parkDueAt: Date;
  parkOrgId: string;
  escalateAfterDays: number;
  parkReviewDeadlineDays: number;
};

export async function escalateParkReviews(tx: TTx, now: Date, calendar: WorkingCalendar): Promise<number> {
  const candidates = await tx.$queryRawUnsafe<TCandidate[]>(
    `SELECT r.id::text AS id, r.serial, r.title, r."parkDueAt", p."orgId"::text AS "parkOrgId",
            v."escalateAfterDays", v."parkReviewDeadlineDays"
       FROM "Request" r
       JOIN "ProgramRuleVersion" v ON v.id = r."ruleVersionId"
       JOIN "Park" p ON p.id = r."parkId"
      WHERE r.status = $1::text::"RequestStatus"
        AND r."parkDueAt" < $2::timestamptz
        AND r."parkEscalatedAt" IS NULL
      ORDER BY r.id
      FOR UPDATE OF r SKIP LOCKED`,
    RequestStatus.SUBMITTED,
    now.toISOString(),
  );
  const due = candidates.filter((c) => isParkReviewEscalationDue(c.parkDueAt, c.escalateAfterDays, now, calendar));
  if (due.length === 0) return 0;

  for (let i = 0; i < due.length; i += ROWS_PER_STATEMENT) {
    const ids = due.slice(i, i + ROWS_PER_STATEMENT).map((c) => c.id);
    await tx.$executeRawUnsafe(
      `UPDATE "Request"
          SET "parkEscalatedAt" = $2::timestamptz, version = version + 1, "updatedAt" = $2::timestamptz
        WHERE id = ANY($1::text[]::uuid[])`,
      ids,
      now.toISOString(),
    );
  }
  await appendLedgerEntries(
    tx,
    due.map((c) => ({
      requestId: c.id,
      action: LedgerAction.PARK_REVIEW_ESCALATE,
      actorUserId: null,
      actorOrgId: null,
      fromStatus: RequestStatus.SUBMITTED,
      toStatus: RequestStatus.SUBMITTED,
      content: {
        parkDueAt: c.parkDueAt.toISOString(),
        parkReviewDeadlineDays: c.parkReviewDeadlineDays,
        overdueWorkingDays: workingDaysBetween(c.parkDueAt, now, calendar),
      },
      occurredAt: now,
    })),
  );
  const supervisors = await supervisorOrgIds(tx, false);
  await notifyMany(
    tx,
    due.map((c) => ({
      kind: "request.parkEscalated" as const,
      orgIds: [...supervisors, c.parkOrgId],
      requestId: c.id,
      link: requestLink(c.id),
      params: { serial: c.serial, title: c.title, dueAt: c.parkDueAt.toISOString() },
      dedupeKey: `request.parkEscalated:${c.id}:${c.parkDueAt.toISOString()}`,
    })),
  );
  return due.length;
}
