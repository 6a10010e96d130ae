/**
 * The quarterly bulletin (通报) flag: an item reminded (催办) by the finance office and
 * still unanswered once `bulletinAfterRemindDays` working days (rule version) have passed
 * since the reminder — now > addWorkingDays(remindedAt, n) — gets inBulletin, a version
 * bump, the flag's time (bulletinAt, which the quarter's count reads) and a system BULLETIN
 * ledger entry. Locked FOR UPDATE SKIP LOCKED like escalation,
 * and `inBulletin = false` in the candidate query, so each item is flagged once.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { LedgerAction, type RequestStatus } from "@/lib/generated/prisma/enums";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { bulletinDueAt, bulletinEntryContent } from "@/lib/requests/bulletin-rule";
import { appendLedgerEntries } from "@/lib/ledger/mutations/append-ledger-entry";
import { ROWS_PER_STATEMENT, RUNNING } from "@/lib/requests/deadline-scan";

type TTx = Prisma.TransactionClient;

type TCandidate = { id: string; status: RequestStatus; remindedAt: Date; bulletinAfterRemindDays: number };

export async function flagForBulletin(tx: TTx, now: Date, calendar: WorkingCalendar): Promise<number> {
  const candidates = await tx.$queryRawUnsafe<TCandidate[]>(
    `SELECT r.id::text AS id, r.status::text AS status, r."remindedAt", v."bulletinAfterRemindDays"
       FROM "Request" r
       JOIN "ProgramRuleVersion" v ON v.id = r."ruleVersionId"
      WHERE r.status = ANY($1::text[]::"RequestStatus"[])
        AND r."answeredAt" IS NULL
        AND r."remindedAt" IS NOT NULL
        AND r."remindedAt" < $2::timestamptz
        AND NOT r."inBulletin"
      ORDER BY r.id
      FOR UPDATE OF r SKIP LOCKED`,
    [...RUNNING],
    now.toISOString(),
  );
  const due = candidates.filter((c) => now.getTime() > bulletinDueAt(c.remindedAt, c.bulletinAfterRemindDays, calendar).getTime());
  if (due.length === 0) return 0;

  for (let i = 0; i < due.length; i += ROWS_PER_STATEMENT) {
    await tx.$executeRawUnsafe(
      `UPDATE "Request" SET "inBulletin" = true, "bulletinAt" = $2::timestamptz, version = version + 1, "updatedAt" = $2::timestamptz WHERE id = ANY($1::text[]::uuid[])`,
      due.slice(i, i + ROWS_PER_STATEMENT).map((c) => c.id),
      now.toISOString(),
    );
  }
  await appendLedgerEntries(
    tx,
    due.map((c) => ({
      requestId: c.id,
      action: LedgerAction.BULLETIN,
      actorUserId: null,
      actorOrgId: null,
      fromStatus: c.status,
      toStatus: c.status,
      content: bulletinEntryContent(c.remindedAt, c.bulletinAfterRemindDays, now, calendar),
      occurredAt: now,
    })),
  );
  return due.length;
}
