/**
 * Answers asking for documents (需补充材料) whose limit passed without them: ANSWERED with
 * answerKind NEEDS_DOCUMENTS and now > documentsDueAt(answeredAt, supplementDeadlineDays)
 * → CLOSED, closeReason DOCUMENTS_NOT_SUPPLIED (未补充材料), a system CLOSE ledger entry,
 * notices to the enterprise and the bank. Locked FOR UPDATE SKIP LOCKED: an enterprise
 * sending its documents at this very moment either wins (the row is no longer ANSWERED)
 * or waits for this close, whose update re-checks the state.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { CloseReason, LedgerAction, RequestStatus } from "@/lib/generated/prisma/enums";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { appendLedgerEntries } from "@/lib/ledger/mutations/append-ledger-entry";
import { notifyMany } from "@/lib/notifications/mutations/notify";
import { documentsDueAt, documentsOverdue } from "@/lib/requests/documents-deadline";
import { requestLink, ROWS_PER_STATEMENT } from "@/lib/requests/deadline-scan";

type TTx = Prisma.TransactionClient;

export type TAwaitingDocuments = {
  id: string;
  serial: string;
  title: string;
  answeredAt: Date;
  enterpriseOrgId: string;
  assignedBankId: string | null;
  supplementDeadlineDays: number;
};

/**
 * Items waiting for documents that may be past their limit, or within `slackDays` calendar
 * days of it (n working days end at least n−1 calendar days after the answer: a cheap
 * pre-filter before the calendar decides). `lock` takes their rows for a state change.
 */
export async function readAwaitingDocuments(tx: TTx, now: Date, slackDays: number, lock: boolean): Promise<TAwaitingDocuments[]> {
  return tx.$queryRawUnsafe<TAwaitingDocuments[]>(
    `SELECT r.id::text AS id, r.serial, r.title, r."answeredAt", e."orgId"::text AS "enterpriseOrgId",
            r."assignedBankId"::text AS "assignedBankId", v."supplementDeadlineDays"
       FROM "Request" r
       JOIN "ProgramRuleVersion" v ON v.id = r."ruleVersionId"
       JOIN "Enterprise" e ON e.id = r."enterpriseId"
      WHERE r.status = 'ANSWERED'
        AND r."answerKind" = 'NEEDS_DOCUMENTS'
        AND r."answeredAt" IS NOT NULL
        AND r."answeredAt" < $1::timestamptz - make_interval(days => GREATEST(v."supplementDeadlineDays" - 1 - $2::int, 0))
      ORDER BY r.id
      ${lock ? "FOR UPDATE OF r SKIP LOCKED" : ""}`,
    now.toISOString(),
    slackDays,
  );
}

export async function closeUnsuppliedDocuments(tx: TTx, now: Date, calendar: WorkingCalendar): Promise<number> {
  const candidates = await readAwaitingDocuments(tx, now, 0, true);
  const due = candidates
    .map((c) => ({ ...c, dueAt: documentsDueAt(c.answeredAt, c.supplementDeadlineDays, calendar) }))
    .filter((c) => documentsOverdue(c.dueAt, now));
  if (due.length === 0) return 0;

  for (let i = 0; i < due.length; i += ROWS_PER_STATEMENT) {
    await tx.$executeRawUnsafe(
      `UPDATE "Request"
          SET status = 'CLOSED', "closeReason" = 'DOCUMENTS_NOT_SUPPLIED', "closedAt" = $2::timestamptz,
              version = version + 1, "updatedAt" = $2::timestamptz
        WHERE id = ANY($1::text[]::uuid[]) AND status = 'ANSWERED' AND "answerKind" = 'NEEDS_DOCUMENTS'`,
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
      content: {
        closeReason: CloseReason.DOCUMENTS_NOT_SUPPLIED,
        answeredAt: c.answeredAt.toISOString(),
        supplementDeadlineDays: c.supplementDeadlineDays,
        documentsDueAt: c.dueAt.toISOString(),
      },
      occurredAt: now,
    })),
  );
  await notifyMany(
    tx,
    due.map((c) => ({
      kind: "request.documentsNotSupplied" as const,
      orgIds: [c.enterpriseOrgId, ...(c.assignedBankId ? [c.assignedBankId] : [])],
      requestId: c.id,
      link: requestLink(c.id),
      params: { serial: c.serial, title: c.title },
      dedupeKey: `request.documentsNotSupplied:${c.id}:${c.answeredAt.toISOString()}`,
    })),
  );
  return due.length;
}
