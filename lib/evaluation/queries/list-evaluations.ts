import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EvaluationStatus } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import { evaluationBankScope } from "@/lib/evaluation/queries/evaluation-bank-scope";

export type TEvaluationListRow = {
  id: string;
  programName: string;
  year: number;
  half: number;
  status: EvaluationStatus;
  openedAt: Date;
  finalisedAt: Date | null;
  banks: number;
  pbcScored: number;
  financeScored: number;
  /** A bank user's own rows only: how many must rectify (finalised evaluations). */
  mustRectify: number;
};

// Two evaluations a year per program: the list is small by construction, newest first.
const LIST_LIMIT = 40;

/** The evaluations the actor may see: all for the offices, finalised ones with the bank's own rows for a bank. */
export async function listEvaluations(db: PrismaClient, actor: TActor): Promise<TEvaluationListRow[]> {
  const scope = await evaluationBankScope(db, actor);
  if (scope !== "all" && scope.length === 0) return [];
  const rowWhere = scope === "all" ? {} : { bankOrgId: { in: scope } };
  const evaluations = await db.halfYearEvaluation.findMany({
    where: scope === "all" ? {} : { status: EvaluationStatus.FINALISED, banks: { some: rowWhere } },
    orderBy: [{ year: "desc" }, { half: "desc" }, { openedAt: "desc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      year: true,
      half: true,
      status: true,
      openedAt: true,
      finalisedAt: true,
      program: { select: { name: true } },
      banks: { where: rowWhere, select: { pbcAt: true, financeAt: true, mustRectify: true } },
    },
  });
  return evaluations.map((e) => ({
    id: e.id,
    programName: e.program.name,
    year: e.year,
    half: e.half,
    status: e.status,
    openedAt: e.openedAt,
    finalisedAt: e.finalisedAt,
    banks: e.banks.length,
    pbcScored: e.banks.filter((b) => b.pbcAt).length,
    financeScored: e.banks.filter((b) => b.financeAt).length,
    mustRectify: e.banks.filter((b) => b.mustRectify).length,
  }));
}
