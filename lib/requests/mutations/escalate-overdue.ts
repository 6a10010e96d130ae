/**
 * Overdue items go to supervision (督办): a FORWARDED or SIGNED item, unanswered, whose
 * deadline passed more than `escalateAfterDays` working days ago (rule version; 0 = as
 * soon as it is overdue, i.e. now > addWorkingDays(dueAt, n)) becomes ESCALATED with
 * escalationReason OVERDUE, a system ESCALATE ledger entry (actor null) and notices to
 * the supervisors and the bank.
 *
 * Candidates are locked FOR UPDATE SKIP LOCKED: a row another scan (or a bank answering
 * right now) holds is left for the next scan, and a row escalated by a scan that already
 * committed no longer matches the status condition — so each item escalates once.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { LedgerAction, RequestStatus } from "@/lib/generated/prisma/enums";
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from "@/lib/calendar/working-days";
import { appendLedgerEntries } from "@/lib/ledger/mutations/append-ledger-entry";
import { notifyMany } from "@/lib/notifications/mutations/notify";
import { ESCALATABLE, requestLink, ROWS_PER_STATEMENT } from "@/lib/requests/deadline-scan";
import { supervisorOrgIds } from "@/lib/requests/mutations/notify-step";

type TTx = Prisma.TransactionClient;

type TCandidate = {
  id: string;
  serial: string;
  title: string;
  status: RequestStatus;
  dueAt: Date;
  assignedBankId: string | null;
  escalateAfterDays: number;
};

export async function escalateOverdue(tx: TTx, now: Date, calendar: WorkingCalendar): Promise<number> {
  const candidates = await tx.$queryRawUnsafe<TCandidate[]>(
    `SELECT r.id::text AS id, r.serial, r.title, r.status::text AS status, r."dueAt",
            r."assignedBankId"::text AS "assignedBankId", v."escalateAfterDays"
       FROM "Request" r
       JOIN "ProgramRuleVersion" v ON v.id = r."ruleVersionId"
      WHERE r.status = ANY($1::text[]::"RequestStatus"[])
        AND r."answeredAt" IS NULL
        AND r."dueAt" < $2::timestamptz
      ORDER BY r.id
      FOR UPDATE OF r SKIP LOCKED`,
    [...ESCALATABLE],
    now.toISOString(),
  );
  const due = candidates.filter((c) => now.getTime() > addWorkingDays(c.dueAt, Math.max(0, c.escalateAfterDays), calendar).getTime());
  if (due.length === 0) return 0;

  for (let i = 0; i < due.length; i += ROWS_PER_STATEMENT) {
    const ids = due.slice(i, i + ROWS_PER_STATEMENT).map((c) => c.id);
    await tx.$executeRawUnsafe(
      `UPDATE "Request"
          SET status = 'ESCALATED', "escalationReason" = 'OVERDUE', "escalatedAt" = $2::timestamptz,
              version = version + 1, "updatedAt" = $2::timestamptz
        WHERE id = ANY($1::text[]::uuid[])`,
      ids,
      now.toISOString(),
    );
  }
  await appendLedgerEntries(
    tx,
    due.map((c) => ({
      requestId: c.id,
      action: LedgerAction.ESCALATE,
      actorUserId: null,
      actorOrgId: null,
      fromStatus: c.status,
      toStatus: RequestStatus.ESCALATED,
      content: { reason: "OVERDUE", dueAt: c.dueAt.toISOString(), overdueWorkingDays: workingDaysBetween(c.dueAt, now, calendar) },
      occurredAt: now,
    })),
  );
  const supervisors = await supervisorOrgIds(tx, true);
  await notifyMany(
    tx,
    due.map((c) => ({
      kind: "request.escalated" as const,
      orgIds: [...supervisors, ...(c.assignedBankId ? [c.assignedBankId] : [])],
      requestId: c.id,
      link: requestLink(c.id),
      params: { serial: c.serial, title: c.title, reason: "OVERDUE", dueAt: c.dueAt.toISOString() },
      dedupeKey: `request.escalated:${c.id}:OVERDUE:${c.dueAt.toISOString()}`,
    })),
  );
  return due.length;
}
