import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EvaluationStatus } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/ids";
import { evaluateBank, type TBankResult, type TEvaluationRules, type TGradeKey } from "@/lib/evaluation/rules";
import { ZEvaluationRules } from "@/lib/evaluation/schemas";
import { evaluationBankScope } from "@/lib/evaluation/queries/evaluation-bank-scope";
import { readQuarterScores, type TQuarterSource } from "@/lib/evaluation/queries/read-quarter-scores";

export type TEvaluationBankRow = {
  bankOrgId: string;
  bankName: string;
  quarterScores: [number | null, number | null];
  pbcPoints: number[] | null;
  pbcComment: string | null;
  financePoints: number[] | null;
  financeComment: string | null;
  rectifyPicked: boolean;
  rectifyReason: string | null;
  /** Stored once finalised; while open, what finalising now would give (null until both offices scored). */
  result: TBankResult | null;
};

export type TEvaluationDetail = {
  id: string;
  programId: string;
  programName: string;
  year: number;
  half: 1 | 2;
  status: EvaluationStatus;
  rules: TEvaluationRules;
  rulesVersion: number;
  /** True once a qualitative score is entered: the rules are frozen. */
  rulesFrozen: boolean;
  openedAt: Date;
  finalisedAt: Date | null;
  quarters: [TQuarterSource, TQuarterSource];
  rows: TEvaluationBankRow[];
};

const asPoints = (value: unknown): number[] | null =>
  Array.isArray(value) && value.every((v) => typeof v === "number") ? (value as number[]) : null;
const num = (d: { toString(): string } | null): number => (d === null ? 0 : Number(d.toString()));

/**
 * One evaluation with the rows the actor may see (null: not found or not the actor's — a
 * bank sees a finalised evaluation and its own line's rows only). A finalised one is read
 * from its stored rows and snapshot; an open one shows the published quarters as they are.
 */
export async function getEvaluation(db: PrismaClient, actor: TActor, evaluationId: string): Promise<TEvaluationDetail | null> {
  if (!isUuid(evaluationId)) return null;
  const scope = await evaluationBankScope(db, actor);
  if (scope !== "all" && scope.length === 0) return null;
  const rowWhere = scope === "all" ? {} : { bankOrgId: { in: scope } };
  const e = await db.halfYearEvaluation.findFirst({
    where: { id: evaluationId, ...(scope === "all" ? {} : { status: EvaluationStatus.FINALISED, banks: { some: rowWhere } }) },
    select: {
      id: true,
      programId: true,
      year: true,
      half: true,
      status: true,
      rules: true,
      rulesVersion: true,
      openedAt: true,
      finalisedAt: true,
      snapshot: true,
      program: { select: { name: true } },
      banks: {
        where: rowWhere,
        select: {
          bankOrgId: true,
          bank: { select: { name: true } },
          pbcPoints: true,
          pbcComment: true,
          pbcAt: true,
          financePoints: true,
          financeComment: true,
          financeAt: true,
          rectifyPicked: true,
          rectifyReason: true,
          quantitative: true,
          pbcScore: true,
          financeScore: true,
          combinedScore: true,
          grade: true,
          mustRectify: true,
        },
      },
    },
  });
  if (!e) return null;
  const rules = ZEvaluationRules.parse(e.rules);
  const half = e.half === 2 ? 2 : 1;
  const finalised = e.status === EvaluationStatus.FINALISED;
  const live = await readQuarterScores(db, e.programId, e.year, half);
  const stored = e.snapshot as { quarters?: TQuarterSource[]; scores?: Record<string, [number | null, number | null]> };
  const quarters = finalised && stored.quarters?.length === 2 ? (stored.quarters as [TQuarterSource, TQuarterSource]) : live.quarters;
  const scoreOf = (bankOrgId: string): [number | null, number | null] =>
    (finalised ? stored.scores?.[bankOrgId] : live.scores.get(bankOrgId)) ?? [null, null];

  const rows = e.banks.map((b): TEvaluationBankRow => {
    const pbcPoints = asPoints(b.pbcPoints);
    const financePoints = asPoints(b.financePoints);
    const quarterScores = scoreOf(b.bankOrgId);
    let result: TBankResult | null = null;
    if (finalised) {
      const combined = num(b.combinedScore);
      result = {
        bankOrgId: b.bankOrgId,
        quantitative: num(b.quantitative),
        pbcScore: num(b.pbcScore),
        financeScore: num(b.financeScore),
        combinedScore: combined,
        grade: (b.grade ?? "fail") as TGradeKey,
        belowThreshold: combined < rules.rectifyBelow,
        mustRectify: b.mustRectify,
      };
    } else if (pbcPoints && financePoints) {
      result = evaluateBank(rules, { bankOrgId: b.bankOrgId, quarterScores, pbcPoints, financePoints, rectifyPicked: b.rectifyPicked });
    }
    return {
      bankOrgId: b.bankOrgId,
      bankName: b.bank.name,
      quarterScores,
      pbcPoints,
      pbcComment: b.pbcComment,
      financePoints,
      financeComment: b.financeComment,
      rectifyPicked: b.rectifyPicked,
      rectifyReason: b.rectifyReason,
      result,
    };
  });
  rows.sort((a, b) => (b.result?.combinedScore ?? -1) - (a.result?.combinedScore ?? -1) || a.bankName.localeCompare(b.bankName, "zh-CN"));
  return {
    id: e.id,
    programId: e.programId,
    programName: e.program.name,
    year: e.year,
    half,
    status: e.status,
    rules,
    rulesVersion: e.rulesVersion,
    rulesFrozen: e.banks.some((b) => b.pbcAt !== null || b.financeAt !== null) || finalised,
    openedAt: e.openedAt,
    finalisedAt: e.finalisedAt,
    quarters,
    rows,
  };
}
