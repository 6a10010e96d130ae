/**
 * The park window's steps (企业融资服务窗口): forward a submitted item to a bank, or
 * return it to the enterprise with a reason. Only the park's own items (scope).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LedgerAction, RequestStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { TForwardInput, TReturnInput } from "@/lib/requests/schemas";
import type { TWorkflowActor, TWorkflowOptions, TWorkflowResult } from "../workflow/types";
import { isWithinPaired, parkPairings, servicingBranch } from "./park-routing";
import { clockContent, dueDay, startReplyClock } from "@/lib/requests/mutations/start-reply-clock";
import { routeToPrimary } from "@/lib/requests/mutations/route-to-primary";
import { notifyStep } from "@/lib/requests/mutations/notify-step";
import { runStep } from "@/lib/requests/mutations/run-step";

/**
 * SUBMITTED → FORWARDED. Automatic routing (bankOrgId null) goes to the park's main
 * contact bank (its servicing branch, see park-routing.ts), or refuses "noMainBank"; a
 * picked bank must be paired with the park ("notPaired"). Participating banks are copied
 * when asked. The reply clock starts now with the rule version's deadline.
 */
export async function forwardRequest(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TForwardInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "forward" }, opts, async (s) => {
    const { tx, row, now } = s;
    const year = row.program.year;
    const pairings = await parkPairings(tx, row.programId, year, row.parkId);
    let primary: string;
    if (input.bankOrgId === null) {
      if (!pairings.main) throw new AppError("noMainBank");
      primary = await servicingBranch(tx, pairings.main, row.enterpriseId, row.programId, year);
    } else {
      const paired = [...(pairings.main ? [pairings.main] : []), ...pairings.participating];
      if (!(await isWithinPaired(tx, input.bankOrgId, paired))) throw new AppError("notPaired");
      primary = input.bankOrgId;
    }
    const copies: string[] = [];
    if (input.copyParticipating) {
      for (const bank of pairings.participating) copies.push(await servicingBranch(tx, bank, row.enterpriseId, row.programId, year));
    }
    const copyBankOrgIds = [...new Set(copies)].filter((id) => id !== primary);

    const days = row.ruleVersion.replyDeadlineDays;
    const clock = await startReplyClock(tx, now, days);
    await s.update({
      status: RequestStatus.FORWARDED,
      assignedBankId: primary,
      forwardedAt: now,
      deadlineStartAt: null,
      deadlineDays: null,
      dueAt: clock.dueAt,
      dueProvisional: clock.dueProvisional,
      signedAt: null,
    });
    await routeToPrimary(tx, row.id, primary, copyBankOrgIds);
    const [seq] = await s.ledger({
      action: LedgerAction.FORWARD,
      toStatus: RequestStatus.FORWARDED,
      content: {
        primaryBankOrgId: primary,
        mainBankOrgId: input.bankOrgId === null ? pairings.main : null,
        copyBankOrgIds,
        ...clockContent(now, days, clock),
      },
      note: input.note,
    });
    await notifyStep(tx, row, "request.new", [primary], seq!, { dueAt: dueDay(clock.dueAt) });
  });
}

/** SUBMITTED → RETURNED with a reason the enterprise sees; a new return resets any old dispute. */
export async function returnRequest(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TReturnInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(db, actor, { requestId: input.requestId, version: input.version, step: "return" }, opts, async (s) => {
    const reason = input.reason.trim();
    if (!reason) throw new AppError("incomplete", { reason: "required" });
    await s.update({ status: RequestStatus.RETURNED, returnReason: reason, returnDisputedAt: null, returnDisputeNote: null });
    const [seq] = await s.ledger({ action: LedgerAction.RETURN, toStatus: RequestStatus.RETURNED, content: { reason }, note: reason });
    await notifyStep(s.tx, s.row, "request.returned", [s.row.enterprise.orgId], seq!, { reason });
  });
}
