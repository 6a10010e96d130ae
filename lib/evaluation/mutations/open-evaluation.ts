import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { DEFAULT_EVALUATION_RULES } from "@/lib/evaluation/rules";
import { ZEvaluationRules, type TOpenEvaluationInput } from "@/lib/evaluation/schemas";
import type { TEvaluationOptions } from "@/lib/evaluation/mutations/lock-open-evaluation";

/**
 * Opens the evaluation of a program's half year (finance office): one row per bank paired
 * with a park in the program that year — the banks the quarterly rankings rank. Its rules
 * are the program's most recent evaluation's (the criteria carry over from one half year
 * to the next) or the defaults; they stay editable until the first qualitative score.
 * One evaluation per program and half year ("evaluationExists").
 */
export async function openEvaluation(
  db: PrismaClient,
  actor: TActor,
  input: TOpenEvaluationInput,
  options: TEvaluationOptions = {},
): Promise<{ evaluationId: string; banks: number }> {
  if (!canActor(actor, "evaluations.manage")) throw new AppError("forbidden");
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`evaluation:${input.programId}:${input.year}:${input.half}`}))`;
    const program = await tx.program.findUnique({ where: { id: input.programId }, select: { id: true } });
    if (!program) throw new AppError("noProgram");
    const existing = await tx.halfYearEvaluation.findUnique({
      where: { programId_year_half: { programId: input.programId, year: input.year, half: input.half } },
      select: { id: true },
    });
    if (existing) throw new AppError("evaluationExists");
    const previous = await tx.halfYearEvaluation.findFirst({
      where: { programId: input.programId },
      orderBy: [{ year: "desc" }, { half: "desc" }],
      select: { rules: true },
    });
    const carried = previous ? ZEvaluationRules.safeParse(previous.rules) : null;
    const rules = carried?.success ? carried.data : DEFAULT_EVALUATION_RULES;
    const pairings = await tx.parkBankPairing.findMany({
      where: { programId: input.programId, year: input.year },
      select: { bankOrgId: true },
      distinct: ["bankOrgId"],
    });
    const evaluation = await tx.halfYearEvaluation.create({
      data: {
        programId: input.programId,
        year: input.year,
        half: input.half,
        rules: rules as unknown as Prisma.InputJsonValue,
        openedAt: now,
        openedById: actor.userId,
      },
      select: { id: true },
    });
    if (pairings.length > 0) {
      await tx.halfYearEvaluationBank.createMany({
        data: pairings.map((p) => ({ evaluationId: evaluation.id, bankOrgId: p.bankOrgId })),
      });
    }
    await writeAudit(tx, {
      action: "evaluations.opened",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "HalfYearEvaluation",
      targetId: evaluation.id,
      ...options.meta,
      details: { programId: input.programId, year: input.year, half: input.half, banks: pairings.length },
    });
    return { evaluationId: evaluation.id, banks: pairings.length };
  });
}
