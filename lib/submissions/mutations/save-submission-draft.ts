import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SubmissionStatus } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { AppError } from "@/lib/errors";
import { figureFieldName, isBlankFigureRow, parseFigureRow, type TFigureValues, type TRawFigureRow } from "../figures";
import { quarterBounds, type TQuarterNumber } from "../quarter";
import { loadPairedParks } from "@/lib/submissions/queries/load-paired-parks";
import { maySubmitFor } from "../scopes";
import { runSubmissionStep, type TSubmissionOptions, type TSubmissionResult } from "@/lib/submissions/mutations/run-submission-step";

export type TSaveSubmissionInput = { submissionId: string; version: string; figures: TRawFigureRow[] };

export const EDITABLE_STATUSES = [SubmissionStatus.DRAFT, SubmissionStatus.RETURNED] as const;

/**
 * The bank saves its figures (DRAFT or RETURNED, its own submission only). Every filled
 * row is checked (../figures.ts); errors come back per field as
 * "figures.<parkId>.<field>" in AppError("invalidFigures"). A row left wholly blank
 * clears that park's figures. Rows for parks the bank is not paired with: "invalidInput".
 */
export async function saveSubmissionDraft(
  db: PrismaClient,
  user: TActorSource,
  input: TSaveSubmissionInput,
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
      const { tx, row } = s;
      const parks = await loadPairedParks(tx, {
        programId: row.programId,
        bankOrgId: row.bankOrgId,
        quarterStart: quarterBounds({ year: row.year, quarter: row.quarter as TQuarterNumber }).start,
      });
      const paired = new Set(parks.map((p) => p.parkId));
      const errors: Record<string, string> = {};
      const values: TFigureValues[] = [];
      const cleared: string[] = [];
      for (const raw of input.figures) {
        if (!paired.has(raw.parkId)) throw new AppError("invalidInput");
        if (isBlankFigureRow(raw)) {
          cleared.push(raw.parkId);
          continue;
        }
        const parsed = parseFigureRow(raw);
        if (parsed.ok) values.push(parsed.value);
        else
          for (const [field, code] of Object.entries(parsed.errors))
            errors[figureFieldName(raw.parkId, field as keyof typeof parsed.errors)] = code;
      }
      if (Object.keys(errors).length > 0) throw new AppError("invalidFigures", errors);

      // Figures first: the frozen-submission trigger refuses them once frozenAt is set.
      if (cleared.length > 0) await tx.quarterlyParkFigure.deleteMany({ where: { submissionId: row.id, parkId: { in: cleared } } });
      for (const v of values) {
        const data = {
          loanBalanceFen: v.loanBalanceFen,
          loanIncrementFen: v.loanIncrementFen,
          borrowers: v.borrowers,
          firstLoans: v.firstLoans,
          creditLoans: v.creditLoans,
          averageRate: v.averageRate,
        };
        await tx.quarterlyParkFigure.upsert({
          where: { submissionId_parkId: { submissionId: row.id, parkId: v.parkId } },
          create: { submissionId: row.id, parkId: v.parkId, ...data },
          update: data,
        });
      }
      await s.update({});
      await s.audit("submissions.save", { saved: values.map((v) => v.parkId), cleared });
    },
  );
}
