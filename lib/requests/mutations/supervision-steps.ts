/**
 * The finance office's supervision steps (督办): assign to another bank with a new
 * deadline, remind (催办), close out (销号), rule on a disputed return, check a withdrawal
 * made after an answer. "requests.supervise" is the finance office only: the central bank
 * branch sees the same queue but gets "forbidden" here.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CloseReason, LedgerAction, OrgKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { lockCalendarForRead } from "@/lib/calendar/mutations/calendar-lock";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import type { TAssignInput, TCheckWithdrawalInput, TCloseOutInput, TRemindInput, TRuleOnDisputeInput } from "@/lib/requests/schemas";
import type { TWorkflowActor, TWorkflowOptions, TWorkflowResult } from "../workflow/types";
import { clockContent, dueDay, startReplyClock } from "@/lib/requests/mutations/start-reply-clock";
import { routeToPrimary } from "@/lib/requests/mutations/route-to-primary";
import { notifyStep } from "@/lib/requests/mutations/notify-step";
import { runStep } from "@/lib/requests/mutations/run-step";
import { startParkReviewClock } from "@/lib/requests/mutations/start-park-review-clock";

function requiredText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw new AppError("incomplete", { [field]: "required" });
  return text;
}

/**
 * On an ESCALATED item, or a FORWARDED/SIGNED one already overdue: hand it to a bank
 * (any active bank, "badBank" otherwise) with `deadlineDays` working days from now. The
 * new bank must sign for it again; an earlier answer stays in the ledger and `answer`.
 */
export async function assignRequest(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TAssignInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "assign" }, opts, async (s) => {
    const { tx, row, now } = s;
    const bank = await tx.organization.findFirst({
      where: { id: input.bankOrgId, kind: OrgKind.BANK, active: true },
      select: { id: true },
    });
    if (!bank) throw new AppError("badBank");
    if (!Number.isSafeInteger(input.deadlineDays) || input.deadlineDays < 1)
      throw new AppError("incomplete", { deadlineDays: "badNumber" });
    const clock = await startReplyClock(tx, now, input.deadlineDays);
    await s.update({
      status: RequestStatus.FORWARDED,
      assignedBankId: bank.id,
      signedAt: null,
      answeredAt: null,
      answerKind: null,
      deadlineStartAt: now,
      deadlineDays: input.deadlineDays,
      dueAt: clock.dueAt,
      dueProvisional: clock.dueProvisional,
    });
    await routeToPrimary(tx, row.id, bank.id);
    const [seq] = await s.ledger({
      action: LedgerAction.ASSIGN,
      toStatus: RequestStatus.FORWARDED,
      content: { bankOrgId: bank.id, fromBankOrgId: row.assignedBankId, ...clockContent(now, input.deadlineDays, clock) },
      note: input.note,
    });
    await notifyStep(tx, row, "request.new", [bank.id], seq!, { dueAt: dueDay(clock.dueAt) });
  });
}

/** 催办: only on an unanswered item past its deadline; the status does not change. */
export async function remindRequest(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TRemindInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "remind" }, opts, async (s) => {
    const { tx, row, now } = s;
    await lockCalendarForRead(tx);
    const overdueWorkingDays = workingDaysBetween(row.dueAt!, now, await loadWorkingCalendar(tx));
    await s.update({ remindedAt: now });
    const [seq] = await s.ledger({
      action: LedgerAction.REMIND,
      toStatus: row.status,
      content: { bankOrgId: row.assignedBankId, dueAt: row.dueAt!.toISOString(), overdueWorkingDays },
      note: input.note,
    });
    await notifyStep(tx, row, "request.reminder", [row.assignedBankId], seq!);
  });
}

/** 销号: an answered item or one under supervision (canStep) → CLOSED (CLOSED_OUT) with the explanation. */
export async function closeOutRequest(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TCloseOutInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "closeOut" }, opts, async (s) => {
    const resolution = requiredText(input.explanation, "explanation");
    await s.update({ status: RequestStatus.CLOSED, closeReason: CloseReason.CLOSED_OUT, closedAt: s.now });
    const [seq] = await s.ledger({
      action: LedgerAction.CLOSE,
      toStatus: RequestStatus.CLOSED,
      content: { closeReason: CloseReason.CLOSED_OUT, resolution },
      note: resolution,
    });
    await notifyStep(s.tx, s.row, "request.closed", [s.row.enterprise.orgId, s.row.assignedBankId], seq!);
  });
}

/**
 * A disputed return: upheld keeps it RETURNED (the dispute is settled: returnDisputedAt
 * cleared, the note kept so the same return cannot be disputed again); overruled sends
 * it back to the park's queue (SUBMITTED).
 */
export async function ruleOnDispute(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TRuleOnDisputeInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "ruleOnDispute" }, opts, async (s) => {
    const note = requiredText(input.note, "note");
    const to = input.upheld ? RequestStatus.RETURNED : RequestStatus.SUBMITTED;
    // Back in the park's queue, the window gets a fresh review period from the ruling.
    const parkClock = input.upheld ? null : await startParkReviewClock(s.tx, s.now, s.row.ruleVersion.parkReviewDeadlineDays, s.now);
    await s.update({ status: to, returnDisputedAt: null, ...parkClock });
    const content = { upheld: input.upheld, note, ...(parkClock ? { parkDueAt: parkClock.parkDueAt.toISOString() } : {}) };
    const [seq] = await s.ledger({ action: LedgerAction.RULE, toStatus: to, content, note });
    // The enterprise learns the ruling; when overruled the item is back in the park's queue.
    const told = input.upheld ? [s.row.enterprise.orgId] : [s.row.enterprise.orgId, s.row.park.orgId];
    await notifyStep(s.tx, s.row, "request.ruled", told, seq!, { reason: input.upheld ? "upheld" : "overruled" });
  });
}

/** The finance office confirms nobody pressed the enterprise into withdrawing after an answer. */
export async function checkWithdrawal(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TCheckWithdrawalInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "checkWithdrawal" }, opts, async (s) => {
    const note = requiredText(input.note, "note");
    await s.update({ withdrawalCheckedAt: s.now });
    await s.ledger({ action: LedgerAction.CHECK_WITHDRAWAL, toStatus: RequestStatus.WITHDRAWN, content: { note }, note });
  });
}
