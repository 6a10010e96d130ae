/**
 * The bank inbox in three numbers and its most urgent items. Tones follow deadlineState
 * (lib/requests/deadline-state.ts): red = past dueAt, yellow = due later today (Shanghai
 * day), normal = the rest of the running items (no dueAt included). The top items are the
 * inbox's own first page (listBankInbox: red, then yellow, then by dueAt).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage, requestScope } from "@/lib/auth/scopes";
import { endOfShanghaiDay, shanghaiDateString, type WorkingCalendar } from "@/lib/calendar/working-days";
import { listBankInbox, type TInboxItem } from "@/lib/requests/queries/list-bank-inbox";

export const INBOX_TOP = 5;

export type TInboxSummary = { red: number; yellow: number; normal: number; top: TInboxItem[] };

const RUNNING = [RequestStatus.FORWARDED, RequestStatus.SIGNED, RequestStatus.ESCALATED];

export async function summariseBankInbox(db: PrismaClient, user: TActorSource, now: Date, calendar: WorkingCalendar): Promise<TInboxSummary> {
  const actor = actorOf(user);
  const ctx = await loadScopeContext(db, user);
  const banks = bankCoverage(actor, ctx.bankOrgIds);
  if (banks.length === 0) return { red: 0, yellow: 0, normal: 0, top: [] };
  const running: Prisma.RequestWhereInput = {
    AND: [requestScope(actor, ctx), { assignedBankId: { in: banks }, answeredAt: null, status: { in: RUNNING } }],
  };
  const endOfToday = endOfShanghaiDay(shanghaiDateString(now));
  const [total, red, yellow, inbox] = await Promise.all([
    db.request.count({ where: running }),
    db.request.count({ where: { AND: [running, { dueAt: { lt: now } }] } }),
    db.request.count({ where: { AND: [running, { dueAt: { gte: now, lte: endOfToday } }] } }),
    listBankInbox(db, user, { pageSize: INBOX_TOP, now, calendar }),
  ]);
  return { red, yellow, normal: total - red - yellow, top: inbox.assigned.items.filter((i) => i.deadline !== null) };
}
