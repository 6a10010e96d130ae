import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RankingPeriod } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getCurrentRuleVersion } from "@/lib/programs/queries/get-current-program";
import { computeRanking } from "@/lib/ranking/compute-ranking";
import { MISSING_RETURN_UNRANKED } from "@/lib/ranking/ranking-snapshot";
import { computeAnnualInputs } from "@/lib/ranking/queries/compute-annual-inputs";
import { getCurrentRuleSet } from "@/lib/ranking/queries/list-rule-sets";
import { quarterEndsAt, toJson } from "@/lib/ranking/mutations/lock-quarter";
import { storeDraftRanking } from "@/lib/ranking/mutations/store-draft-ranking";
import type { TComputeOptions, TDraftComputed } from "@/lib/ranking/mutations/compute-draft-ranking";

export type TYearRef = { programId: string; year: number };

const DEFAULT_BOTTOM_LIST_SIZE = 5;
/** How a Ranking row names the whole year (a trigger ties it to period YEAR). */
export const ANNUAL_QUARTER = 0;

/**
 * Computes the year's annual assessment (年度考核) with the program's current ANNUAL rule
 * set and stores it as a DRAFT Ranking of period YEAR (quarter 0). From there it is the
 * quarterly workflow, unchanged: the finance office's and the central bank's reviews
 * (reviewRanking), then publication (publishRanking), after which triggers freeze it.
 * The program's bottom list (bottomListSize, 后N位) is applied to the annual result,
 * among the banks with a year-end return; the same number at the top is the top list.
 * Recomputing a draft replaces its entries and clears both reviews. Refused before the
 * year has ended ("quarterNotEnded": its last quarter has not), once published
 * ("alreadyPublished"), or without an annual rule set ("noRuleSet").
 */
export async function computeDraftAnnualRanking(
  db: PrismaClient,
  actor: TActor,
  ref: TYearRef,
  options: TComputeOptions = {},
): Promise<TDraftComputed> {
  if (!canActor(actor, "rankings.publish")) throw new AppError("forbidden");
  if (!isUuid(ref.programId)) throw new AppError("notFound");
  if (!Number.isInteger(ref.year) || ref.year < 2000 || ref.year > 2100) throw new AppError("invalidInput", { year: "invalid" });
  const now = options.now ?? new Date();
  if (now < quarterEndsAt(ref.year, 4)) throw new AppError("quarterNotEnded");
  const program = await db.program.findUnique({ where: { id: ref.programId }, select: { id: true, name: true, docNumber: true } });
  if (!program) throw new AppError("notFound");
  const ruleSet = await getCurrentRuleSet(db, program.id, "YEAR");
  if (!ruleSet) throw new AppError("noRuleSet");
  if (!ruleSet.rules) throw new AppError("ruleSetInvalid");
  const bottomListSize = (await getCurrentRuleVersion(db, program.id))?.bottomListSize ?? DEFAULT_BOTTOM_LIST_SIZE;

  const inputs = await computeAnnualInputs(db, { programId: program.id, year: ref.year, now });
  const result = computeRanking(inputs, ruleSet.rules, { bottomListSize, unrankWithoutReturn: true });
  const snapshot = toJson({
    period: RankingPeriod.YEAR,
    program: { id: program.id, name: program.name, docNumber: program.docNumber },
    ruleSet: { id: ruleSet.id, version: ruleSet.version, name: ruleSet.name },
    rules: ruleSet.rules,
    bottomListSize,
    topListSize: bottomListSize,
    missingReturn: MISSING_RETURN_UNRANKED,
    computedAt: inputs.computedAt,
    inputs,
  });

  return db.$transaction(async (tx) => {
    const { rankingId, recomputed } = await storeDraftRanking(tx, {
      programId: program.id,
      year: ref.year,
      quarter: ANNUAL_QUARTER,
      period: RankingPeriod.YEAR,
      ruleSetId: ruleSet.id,
      computedById: actor.userId,
      computedAt: now,
      snapshot,
      entries: result.entries,
    });
    await writeAudit(tx, {
      action: "rankings.annualComputed",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Ranking",
      targetId: rankingId,
      ...options.meta,
      details: {
        programId: program.id,
        period: RankingPeriod.YEAR,
        year: ref.year,
        ruleSetVersion: ruleSet.version,
        banks: result.entries.length,
        recomputed,
      },
    });
    return { rankingId, ruleSetVersion: ruleSet.version, banks: result.entries.length };
  });
}
