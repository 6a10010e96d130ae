/**
 * The bank inbox in three numbers and its most urgent items. Tones follow deadlineState
 * (lib/requests/deadline-state.ts): red = past dueAt, yellow = due later today (Shanghai
 * day), normal = the rest of the running items (no dueAt included), counted in the open
 * read model over the bank's coverage (its own and its branches' items). The top items are the
 * inbox's own first running items (listBankInbox: red, then yellow, then by dueAt).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage } from "@/lib/auth/scopes";
import { endOfShanghaiDay, shanghaiDateString, type WorkingCalendar } from "@/lib/calendar/working-days";
import { countDeadlineBands } from "@/lib/read-models/queries/count-open-items";
import { listUrgentInboxItems, type TInboxItem } from "@/lib/requests/queries/list-bank-inbox";

export const INBOX_TOP = 5;

export type TInboxSummary = { red: number; yellow: number; normal: number; top: TInboxItem[] };

const RUNNING = [RequestStatus.FORWARDED, RequestStatus.SIGNED, RequestStatus.ESCALATED];

export async function summariseBankInbox(
  db: PrismaClient,
  user: TActorSource,
  now: Date,
  calendar: WorkingCalendar,
): Promise<TInboxSummary> {
  const actor = actorOf(user);
  const ctx = await loadScopeContext(db, user);
  const banks = bankCoverage(actor, ctx.bankOrgIds);
  if (banks.length === 0) return { red: 0, yellow: 0, normal: 0, top: [] };
  const endOfToday = endOfShanghaiDay(shanghaiDateString(now));
  const [bands, inbox] = await Promise.all([
    countDeadlineBands(db, { statuses: RUNNING, unanswered: true, bankIds: banks }, now, endOfToday),
    listUrgentInboxItems(db, user, { take: INBOX_TOP, now, calendar }),
  ]);
  return {
    red: bands.overdue,
    yellow: bands.dueToday,
    normal: bands.total - bands.overdue - bands.dueToday,
    top: inbox.filter((i) => i.deadline !== null),
  };
}
