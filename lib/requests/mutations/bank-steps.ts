/**
 * The bank's steps on an item assigned to it (or to a branch below it): sign for it,
 * answer it (GRANTED records the loan), pass it to a participating bank of the park, or
 * declare that it cannot be solved. A bank that was only copied may read, not act
 * ("forbidden", see requireAssignedBank).
 */
import { promoteOnCredit } from "@/lib/support/mutations/promote-on-credit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AnswerKind, EscalationReason, LedgerAction, RequestStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { TAnswerInput, TDeclareUnsolvableInput, TPassInput, TSignInput } from "@/lib/requests/schemas";
import type { TWorkflowActor, TWorkflowOptions, TWorkflowResult } from "../workflow/types";
import { answerRecord, dateColumn, loanContent, normalizeRate } from "@/lib/requests/answer-record";
import { parkPairings } from "./park-routing";
import { clockContent, dueDay, startReplyClock } from "@/lib/requests/mutations/start-reply-clock";
import { routeToPrimary } from "@/lib/requests/mutations/route-to-primary";
import { notifyStep, supervisorOrgIds } from "@/lib/requests/mutations/notify-step";
import { requireAssignedBank, runStep } from "@/lib/requests/mutations/run-step";

function requiredText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw new AppError("incomplete", { [field]: "required" });
  return text;
}

/** FORWARDED → SIGNED; on an ESCALATED item not yet signed for, signedAt only (it stays escalated). */
export async function signRequest(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TSignInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "sign" }, opts, async (s) => {
    const bank = requireAssignedBank(s);
    const to = s.row.status === RequestStatus.ESCALATED ? RequestStatus.ESCALATED : RequestStatus.SIGNED;
    await s.update({ status: to, signedAt: s.now });
    await s.ledger({ action: LedgerAction.SIGN, toStatus: to, content: { bankOrgId: bank } });
  });
}

/**
 * SIGNED (or ESCALATED, unanswered) → ANSWERED. A FORWARDED item must be signed for first
 * ("invalidState"). GRANTED creates the LoanOutcome of the assigned bank.
 */
export async function answerRequest(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TAnswerInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "answer" }, opts, async (s) => {
    const { tx, row, now } = s;
    const bank = requireAssignedBank(s);
    const answer = answerRecord(input);
    const onTime = row.dueAt !== null && now.getTime() <= row.dueAt.getTime();
    await s.update({ status: RequestStatus.ANSWERED, answeredAt: now, answerKind: input.kind, answer });
    if (input.kind === AnswerKind.GRANTED) {
      const loan = await tx.loanOutcome.create({
        data: {
          requestId: row.id,
          bankOrgId: bank,
          enterpriseId: row.enterpriseId,
          amountFen: BigInt(input.amountFen!),
          annualRate: normalizeRate(input.annualRate),
          termMonths: input.termMonths,
          product: input.product,
          guarantee: input.guarantee,
          isFirstLoan: input.isFirstLoan,
          isCreditLoan: input.isCreditLoan,
          grantedOn: dateColumn(input.grantedOn),
          disbursedOn: input.disbursedOn ? dateColumn(input.disbursedOn) : null,
          maturesOn: input.maturesOn ? dateColumn(input.maturesOn) : null,
        },
        select: { id: true, amountFen: true },
      });
      // Credit obtained: a class-B enterprise moves to A, the loan as its reason.
      await promoteOnCredit(tx, row.enterpriseId, { kind: "loan", loanId: loan.id, fen: loan.amountFen }, s.actor, now);
    }
    const { kind: _kind, ...fields } = answer;
    void _kind;
    const content = input.kind === AnswerKind.GRANTED ? { loan: loanContent(input) } : fields;
    // Asking for documents starts the enterprise's limit (documents-deadline.ts): the entry
    // and the notice say until when.
    const days = row.ruleVersion.supplementDeadlineDays;
    const limit = input.kind === AnswerKind.NEEDS_DOCUMENTS ? (await startReplyClock(tx, now, Math.max(1, days))).dueAt : null;
    const [seq] = await s.ledger({
      action: LedgerAction.ANSWER,
      toStatus: RequestStatus.ANSWERED,
      content: {
        answerKind: input.kind,
        bankOrgId: bank,
        onTime,
        ...content,
        ...(limit ? { supplementDeadlineDays: days, documentsDueAt: limit.toISOString() } : {}),
      },
    });
    if (limit) await notifyStep(tx, row, "request.documentsRequested", [row.enterprise.orgId], seq!, { dueAt: limit.toISOString() });
    else await notifyStep(tx, row, "request.answered", [row.enterprise.orgId], seq!);
  });
}

/**
 * Passes the item to a participating bank of the park: FORWARDED to that bank with a new
 * reply clock, escalationReason PASSED so the finance office watches it.
 */
export async function passRequest(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TPassInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "pass" }, opts, async (s) => {
    const { tx, row, now } = s;
    const from = requireAssignedBank(s);
    const reason = requiredText(input.reason, "reason");
    const { participating } = await parkPairings(tx, row.programId, row.program.year, row.parkId);
    if (!participating.includes(input.toBankOrgId) || input.toBankOrgId === from) throw new AppError("notPaired");
    const days = row.ruleVersion.replyDeadlineDays;
    const clock = await startReplyClock(tx, now, days);
    await s.update({
      status: RequestStatus.FORWARDED,
      assignedBankId: input.toBankOrgId,
      signedAt: null,
      deadlineStartAt: now,
      deadlineDays: null,
      dueAt: clock.dueAt,
      dueProvisional: clock.dueProvisional,
      escalatedAt: now,
      escalationReason: EscalationReason.PASSED,
    });
    await routeToPrimary(tx, row.id, input.toBankOrgId);
    const [seq] = await s.ledger({
      action: LedgerAction.PASS,
      toStatus: RequestStatus.FORWARDED,
      content: { fromBankOrgId: from, toBankOrgId: input.toBankOrgId, reason, ...clockContent(now, days, clock) },
      note: reason,
    });
    await notifyStep(tx, row, "request.new", [input.toBankOrgId], seq!, { dueAt: dueDay(clock.dueAt) });
    await notifyStep(tx, row, "request.escalated", await supervisorOrgIds(tx, true), seq!, { reason: EscalationReason.PASSED });
  });
}

/** No bank can solve it: ESCALATED (UNSOLVABLE) into the supervision queue. */
export async function declareUnsolvable(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TDeclareUnsolvableInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "declareUnsolvable" }, opts, async (s) => {
    const bank = requireAssignedBank(s);
    const reason = requiredText(input.reason, "reason");
    await s.update({ status: RequestStatus.ESCALATED, escalatedAt: s.now, escalationReason: EscalationReason.UNSOLVABLE });
    const [seq] = await s.ledger({
      action: LedgerAction.ESCALATE,
      toStatus: RequestStatus.ESCALATED,
      content: { reason: EscalationReason.UNSOLVABLE, bankOrgId: bank, explanation: reason },
      note: reason,
    });
    await notifyStep(s.tx, s.row, "request.escalated", await supervisorOrgIds(s.tx, true), seq!, { reason: EscalationReason.UNSOLVABLE });
  });
}
