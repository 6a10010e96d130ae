/**
 * The enterprise's steps on its own item: rate an answer (satisfied → closed; dissatisfied
 * → reopened for the same bank with a new deadline), withdraw with a reason, dispute a
 * park's return.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CloseReason, LedgerAction, Rating, RequestStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { TDisputeReturnInput, TRateInput, TWithdrawInput } from "@/lib/requests/schemas";
import type { TWorkflowActor, TWorkflowOptions, TWorkflowResult } from "../workflow/types";
import { clockContent, dueDay, startReplyClock } from "@/lib/requests/mutations/start-reply-clock";
import { notifyStep, supervisorOrgIds } from "@/lib/requests/mutations/notify-step";
import { runStep } from "@/lib/requests/mutations/run-step";
import { isAnsweredOnce } from "@/lib/requests/workflow/transitions";

function requiredText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw new AppError("incomplete", { [field]: "required" });
  return text;
}

/**
 * ANSWERED only. SATISFIED / BASICALLY_SATISFIED close the item (RATED). DISSATISFIED
 * writes RATE then REOPEN: back to SIGNED for the same bank, reopenCount + 1, a new reply
 * clock from now; the rating stays empty until a final one (the ledger keeps this one).
 */
export async function rateRequest(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TRateInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "rate" }, opts, async (s) => {
    const { tx, row, now } = s;
    const comment = input.comment?.trim() || null;
    if (input.rating !== Rating.DISSATISFIED) {
      await s.update({
        status: RequestStatus.CLOSED,
        closeReason: CloseReason.RATED,
        rating: input.rating,
        ratingComment: comment,
        closedAt: now,
      });
      await s.ledger({
        action: LedgerAction.RATE,
        toStatus: RequestStatus.CLOSED,
        content: { rating: input.rating, comment },
        note: comment,
      });
      return;
    }
    const days = row.ruleVersion.replyDeadlineDays;
    const clock = await startReplyClock(tx, now, days);
    const reopenCount = row.reopenCount + 1;
    await s.update({
      status: RequestStatus.SIGNED,
      reopenCount,
      answeredAt: null,
      answerKind: null,
      deadlineStartAt: now,
      deadlineDays: null,
      dueAt: clock.dueAt,
      dueProvisional: clock.dueProvisional,
    });
    const [, seq] = await s.ledger(
      { action: LedgerAction.RATE, toStatus: RequestStatus.ANSWERED, content: { rating: input.rating, comment }, note: comment },
      {
        action: LedgerAction.REOPEN,
        fromStatus: RequestStatus.ANSWERED,
        toStatus: RequestStatus.SIGNED,
        content: { bankOrgId: row.assignedBankId, reopenCount, ...clockContent(now, days, clock) },
      },
    );
    await notifyStep(tx, row, "request.reopened", [row.assignedBankId], seq!, { dueAt: dueDay(clock.dueAt) });
  });
}

/** Withdraw with a reason; after an answer the finance office checks it (withdrawnAfterAnswer). */
export async function withdrawRequest(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TWithdrawInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "withdraw" }, opts, async (s) => {
    const reason = requiredText(input.reason, "reason");
    const afterAnswer = isAnsweredOnce(s.row);
    await s.update({ status: RequestStatus.WITHDRAWN, withdrawnAfterAnswer: afterAnswer });
    const [seq] = await s.ledger({
      action: LedgerAction.WITHDRAW,
      toStatus: RequestStatus.WITHDRAWN,
      content: { reason, afterAnswer },
      note: reason,
    });
    // The bank working on it stops; before forwarding only the park had it.
    await notifyStep(s.tx, s.row, "request.withdrawn", [s.row.assignedBankId ?? s.row.park.orgId], seq!, { reason });
  });
}

/** Contest the park's return once; the finance office rules on it. */
export async function disputeReturn(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TDisputeReturnInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "disputeReturn" }, opts, async (s) => {
    const note = requiredText(input.note, "note");
    await s.update({ returnDisputedAt: s.now, returnDisputeNote: note });
    const [seq] = await s.ledger({
      action: LedgerAction.DISPUTE,
      toStatus: RequestStatus.RETURNED,
      content: { note, returnReason: s.row.returnReason },
      note,
    });
    await notifyStep(s.tx, s.row, "request.disputed", await supervisorOrgIds(s.tx, false), seq!);
  });
}
