/**
 * The enterprise's steps on its own item: rate an answer (satisfied → closed; dissatisfied
 * → reopened for the same bank with a new deadline), send the documents a bank asked for
 * (back to that bank with a new deadline), withdraw with a reason, dispute a park's return.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CloseReason, LedgerAction, Rating, RequestStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { TDisputeReturnInput, TRateInput, TSupplyDocumentsInput, TWithdrawInput } from "@/lib/requests/schemas";
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

/**
 * ANSWERED with 需补充材料 → SIGNED for the same bank: a SUPPLEMENT entry holding the note and
 * the files uploaded since the answer (each tied to the entry, so they stay as sent), and a
 * new reply clock from now — the documents' submission — over the rule version's reply
 * days. The answer that asked for them stays in the ledger; answeredAt/answerKind clear, so
 * the bank owes an answer again and the inbox lists it with the running items.
 */
export async function supplyDocuments(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TSupplyDocumentsInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "supplyDocuments" }, opts, async (s) => {
    const { tx, row, now } = s;
    const note = requiredText(input.note, "note");
    // The files sent now: uploaded after the answer and not yet part of an entry.
    const files = await tx.attachment.findMany({
      where: { requestId: row.id, ledgerEntryId: null, createdAt: { gte: row.answeredAt ?? now } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, fileName: true, sizeBytes: true, sha256: true },
    });
    const days = row.ruleVersion.replyDeadlineDays;
    const clock = await startReplyClock(tx, now, days);
    await s.update({
      status: RequestStatus.SIGNED,
      answeredAt: null,
      answerKind: null,
      deadlineStartAt: now,
      deadlineDays: null,
      dueAt: clock.dueAt,
      dueProvisional: clock.dueProvisional,
    });
    const [seq] = await s.ledger({
      action: LedgerAction.SUPPLEMENT,
      toStatus: RequestStatus.SIGNED,
      content: {
        bankOrgId: row.assignedBankId,
        note,
        attachments: files.map((f) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes, sha256: f.sha256 })),
        ...clockContent(now, days, clock),
      },
      note,
    });
    if (files.length > 0) {
      const entry = await tx.ledgerEntry.findUniqueOrThrow({
        where: { requestId_seq: { requestId: row.id, seq: seq! } },
        select: { id: true },
      });
      await tx.attachment.updateMany({ where: { id: { in: files.map((f) => f.id) } }, data: { ledgerEntryId: entry.id } });
    }
    await notifyStep(tx, row, "request.documentsSupplied", [row.assignedBankId], seq!, { dueAt: dueDay(clock.dueAt) });
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
