/**
 * Answered items the enterprise never rated close by themselves: ANSWERED with
 * now > addWorkingDays(answeredAt, autoCloseUnratedDays) (rule version; 10 by default)
 * → CLOSED, closeReason NOT_RATED, a system CLOSE ledger entry, and a notice to the
 * enterprise. An answer asking for documents is not closed here: it waits for them under its
 * own limit (close-unsupplied-documents.ts). Locked FOR UPDATE SKIP LOCKED: an enterprise rating at this very moment
 * either wins (the row no longer is ANSWERED) or waits for this close.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { LedgerAction, RequestStatus } from "@/lib/generated/prisma/enums";
import { addWorkingDays, type WorkingCalendar } from "@/lib/calendar/working-days";
import { appendLedgerEntries } from "@/lib/ledger/mutations/append-ledger-entry";
import { notifyMany } from "@/lib/notifications/mutations/notify";
import { requestLink, ROWS_PER_STATEMENT } from "@/lib/requests/deadline-scan";

type TTx = Prisma.TransactionClient;

type TCandidate = { id: string; serial: string; title: string; answeredAt: Date; enterpriseOrgId: string; autoCloseUnratedDays: number };

export async function autoCloseUnrated(tx: TTx, now: Date, calendar: WorkingCalendar): Promise<number> {
  // n working days end at least n−1 calendar days after the answer: a cheap pre-filter.
  const candidates = await tx.$queryRawUnsafe<TCandidate[]>(
    `SELECT r.id::text AS id, r.serial, r.title, r."answeredAt", e."orgId"::text AS "enterpriseOrgId", v."autoCloseUnratedDays"
       FROM "Request" r
       JOIN "ProgramRuleVersion" v ON v.id = r."ruleVersionId"
       JOIN "Enterprise" e ON e.id = r."enterpriseId"
      WHERE r.status = 'ANSWERED'
        AND r."answerKind" IS DISTINCT FROM 'NEEDS_DOCUMENTS'
        AND r."answeredAt" IS NOT NULL
        AND r."answeredAt" < $1::timestamptz - make_interval(days => GREATEST(v."autoCloseUnratedDays" - 1, 0))
      ORDER BY r.id
      FOR UPDATE OF r SKIP LOCKED`,
    now.toISOString(),
  );
  const due = candidates.filter(
    (c) => now.getTime() > addWorkingDays(c.answeredAt, Math.max(0, c.autoCloseUnratedDays), calendar).getTime(),
  );
  if (due.length === 0) return 0;

  for (let i = 0; i < due.length; i += ROWS_PER_STATEMENT) {
    await tx.$executeRawUnsafe(
      `UPDATE "Request"
          SET status = 'CLOSED', "closeReason" = 'NOT_RATED', "closedAt" = $2::timestamptz,
              version = version + 1, "updatedAt" = $2::timestamptz
        WHERE id = ANY($1::text[]::uuid[])`,
      due.slice(i, i + ROWS_PER_STATEMENT).map((c) => c.id),
      now.toISOString(),
    );
  }
  await appendLedgerEntries(
    tx,
    due.map((c) => ({
      requestId: c.id,
      action: LedgerAction.CLOSE,
      actorUserId: null,
      actorOrgId: null,
      fromStatus: RequestStatus.ANSWERED,
      toStatus: RequestStatus.CLOSED,
      content: { closeReason: "NOT_RATED", answeredAt: c.answeredAt.toISOString(), autoCloseUnratedDays: c.autoCloseUnratedDays },
      occurredAt: now,
    })),
  );
  await notifyMany(
    tx,
    due.map((c) => ({
      kind: "request.closed" as const,
      orgIds: [c.enterpriseOrgId],
      requestId: c.id,
      link: requestLink(c.id),
      params: { serial: c.serial, title: c.title },
      dedupeKey: `request.closed:${c.id}`,
    })),
  );
  return due.length;
}
