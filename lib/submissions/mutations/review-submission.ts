import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { Role, SubmissionStatus } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations/notify";
import { makeItemsSnapshot } from "../items-summary";
import type { TQuarterNumber } from "../quarter";
import { loadQuarterItems } from "../queries/load-quarter-items";
import { mayReview } from "../scopes";
import { runSubmissionStep, type TSubmissionOptions, type TSubmissionResult } from "@/lib/submissions/mutations/run-submission-step";

export type TAcceptSubmissionInput = { submissionId: string; version: string };
export type TReturnSubmissionInput = { submissionId: string; version: string; reason: string };

export const RETURN_REASON_MIN = 2;
export const RETURN_REASON_MAX = 500;

const reviewer = { from: [SubmissionStatus.SUBMITTED], may: mayReview } as const;

/**
 * The finance office accepts a handed-in submission: ACCEPTED, reviewer and time, and the
 * items as they stand now kept in itemsSnapshot — then frozenAt, LAST: from that update
 * on, a database trigger refuses any change to the submission and its figures.
 */
export async function acceptSubmission(
  db: PrismaClient,
  user: TActorSource,
  input: TAcceptSubmissionInput,
  opts?: TSubmissionOptions,
): Promise<TSubmissionResult> {
  return runSubmissionStep(db, user, { submissionId: input.submissionId, version: input.version, ...reviewer }, opts, async (s) => {
    const { tx, row, actor, now } = s;
    const items = await loadQuarterItems(tx, { year: row.year, quarter: row.quarter as TQuarterNumber, bankOrgId: row.bankOrgId, now });
    const snapshot = makeItemsSnapshot(items, now);
    await s.update({
      status: SubmissionStatus.ACCEPTED,
      reviewedById: actor.userId,
      reviewedAt: now,
      itemsSnapshot: snapshot as unknown as Prisma.InputJsonValue,
    });
    await s.audit("submissions.accept", { items: items.length, submittedAt: row.submittedAt?.toISOString() ?? null });
    await s.update({ frozenAt: now });
  });
}

/** The finance office returns it with a reason (required); the bank fixes it and hands it in again. */
export async function returnSubmission(
  db: PrismaClient,
  user: TActorSource,
  input: TReturnSubmissionInput,
  opts?: TSubmissionOptions,
): Promise<TSubmissionResult> {
  const reason = (input.reason ?? "").trim();
  if (reason.length < RETURN_REASON_MIN || reason.length > RETURN_REASON_MAX)
    throw new AppError("invalidInput", { reason: "reasonRequired" });
  return runSubmissionStep(db, user, { submissionId: input.submissionId, version: input.version, ...reviewer }, opts, async (s) => {
    const { tx, row, actor, now } = s;
    await s.update({ status: SubmissionStatus.RETURNED, reviewedById: actor.userId, reviewedAt: now, returnReason: reason });
    await s.audit("submissions.return", { reason });
    await notify(tx, {
      kind: "submission.returned",
      orgIds: [row.bankOrgId],
      roles: [Role.BANK_MANAGER, Role.BANK_LIAISON],
      link: `/submissions/${row.id}`,
      params: { year: row.year, quarter: row.quarter, reason },
      dedupeKey: `submission.returned:${row.id}:${now.toISOString()}`,
    });
  });
}
