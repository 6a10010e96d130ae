import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { isUuid } from "@/lib/ids";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { ANNUAL_ONLY_INDICATORS, QUARTER_ONLY_INDICATORS, type TAssessmentPeriod } from "@/lib/ranking/indicators";
import type { TRuleSetItem } from "@/lib/ranking/rules";
import { ZRuleSet } from "@/lib/ranking/schemas";

export type TSaveRuleSet = { programId: string; name: string; rules: unknown; basedOnVersion?: number; period?: TAssessmentPeriod };
export type TRuleSetSaved = { ruleSetId: string; version: number };

/** zod issues → { "rules.0.rule.points": "ranking.errors.…" } for the editor. */
export function ruleSetFieldErrors(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[["rules", ...issue.path.map(String)].join(".")] ??= issue.message;
  return out;
}

/**
 * Saves a program's scoring rules as version N+1. Never updates a stored version: a
 * ranking keeps pointing at the exact rules it was computed with. Validated with
 * ZRuleSet (known, unique indicators; points adding up to 100). Audited
 * "scoring.ruleSetSaved". Two saves at once: the unique (programId, version) lets one
 * through and refuses the other ("conflict").
 */
export async function saveRuleSet(
  db: PrismaClient,
  actor: TActor,
  input: TSaveRuleSet,
  meta: Partial<TRequestMeta> = {},
): Promise<TRuleSetSaved> {
  if (!canActor(actor, "scoring.manage")) throw new AppError("forbidden");
  if (!isUuid(input.programId)) throw new AppError("notFound");
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (!name || name.length > 100) throw new AppError("invalidInput", { name: name ? "tooLong" : "required" });
  const parsed = ZRuleSet.safeParse(input.rules);
  if (!parsed.success) throw new AppError("invalidInput", ruleSetFieldErrors(parsed.error));
  const rules = parsed.data as TRuleSetItem[];
  const period = input.period ?? "QUARTER";
  // An indicator the period does not have would score every bank 0 (see indicators.ts).
  const foreign = period === "YEAR" ? QUARTER_ONLY_INDICATORS : ANNUAL_ONLY_INDICATORS;
  const wrong = rules.findIndex((item) => foreign.has(item.indicator));
  if (wrong >= 0) throw new AppError("invalidInput", { [`rules.${wrong}.indicator`]: "indicatorNotInPeriod" });

  try {
    return await db.$transaction(async (tx) => {
      const program = await tx.program.findUnique({ where: { id: input.programId }, select: { id: true } });
      if (!program) throw new AppError("notFound");
      const latest = await tx.scoringRuleSet.findFirst({
        where: { programId: program.id, period },
        orderBy: { version: "desc" },
        select: { version: true },
      });
      if (input.basedOnVersion != null && input.basedOnVersion !== (latest?.version ?? 0)) throw new AppError("conflict");
      const version = (latest?.version ?? 0) + 1;
      const created = await tx.scoringRuleSet.create({
        data: { programId: program.id, period, version, name, rules: rules as unknown as Prisma.InputJsonValue, createdById: actor.userId },
        select: { id: true },
      });
      await writeAudit(tx, {
        action: "scoring.ruleSetSaved",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "ScoringRuleSet",
        targetId: created.id,
        ...meta,
        details: {
          programId: program.id,
          period,
          fromVersion: latest?.version ?? null,
          toVersion: version,
          name,
          rules: rules as unknown as Prisma.InputJsonValue,
        },
      });
      return { ruleSetId: created.id, version };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict");
    throw error;
  }
}
