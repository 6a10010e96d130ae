import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SubmissionStatus } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { AppError } from "@/lib/errors";
import { figureFieldName } from "../figures";
import { hasQuarterEnded, isLateSubmission, quarterBounds, type TQuarterNumber } from "../quarter";
import { loadPairedParks } from "@/lib/submissions/queries/load-paired-parks";
import { maySubmitFor } from "../scopes";
import { EDITABLE_STATUSES } from "./save-submission-draft";
import { runSubmissionStep, type TSubmissionOptions, type TSubmissionResult } from "@/lib/submissions/mutations/run-submission-step";

export type TSubmitSubmissionInput = { submissionId: string; version: string };

/**
 * The bank hands in (DRAFT, or RETURNED again after fixing it): every paired park must
 * have its figures ("incomplete", per park as "figures.<parkId>.loanBalance"), and
 * the quarter must be over ("quarterNotEnded"). submittedAt = now; late = now is after the
 * due date — a resubmission after a return is judged at its own time, like the first.
 */
export async function submitSubmission(
  db: PrismaClient,
  user: TActorSource,
  input: TSubmitSubmissionInput,
  opts?: TSubmissionOptions,
): Promise<TSubmissionResult> {
  return runSubmissionStep(
    db,
    user,
    {
      submissionId: input.submissionId,
      version: input.version,
      from: EDITABLE_STATUSES,
      may: (actor, row) => maySubmitFor(actor, row.bankOrgId),
    },
    opts,
    async (s) => {
      const { tx, row, now } = s;
      const q = { year: row.year, quarter: row.quarter as TQuarterNumber };
      if (!hasQuarterEnded(q, now)) throw new AppError("quarterNotEnded");
      const parks = await loadPairedParks(tx, { programId: row.programId, bankOrgId: row.bankOrgId, quarterStart: quarterBounds(q).start });
      const filled = new Set(
        (await tx.quarterlyParkFigure.findMany({ where: { submissionId: row.id }, select: { parkId: true } })).map((f) => f.parkId),
      );
      const missing = parks.filter((p) => !filled.has(p.parkId));
      if (parks.length === 0) throw new AppError("notPaired");
      if (missing.length > 0)
        throw new AppError("incomplete", Object.fromEntries(missing.map((p) => [figureFieldName(p.parkId, "loanBalance"), "required"])));
      const late = isLateSubmission(now, row.dueAt);
      const resubmission = row.status === SubmissionStatus.RETURNED;
      await s.update({ status: SubmissionStatus.SUBMITTED, submittedAt: now, late });
      await s.audit("submissions.submit", { late, dueAt: row.dueAt?.toISOString() ?? null, resubmission });
    },
  );
}
