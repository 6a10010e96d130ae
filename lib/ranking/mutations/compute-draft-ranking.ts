import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RankingPeriod } from "@/lib/generated/prisma/enums";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { isUuid } from "@/lib/ids";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getCurrentRuleVersion } from "@/lib/programs/queries/get-current-program";
import { computeRanking, type TRankingResult } from "@/lib/ranking/compute-ranking";
import type { TRuleSetItem } from "@/lib/ranking/rules";
import { MISSING_RETURN_UNRANKED } from "@/lib/ranking/ranking-snapshot";
import { ZRuleSet } from "@/lib/ranking/schemas";
import { computeQuarterInputs } from "@/lib/ranking/queries/compute-quarter-inputs";
import { getCurrentRuleSet } from "@/lib/ranking/queries/list-rule-sets";
import { quarterEndsAt, toJson } from "@/lib/ranking/mutations/lock-quarter";
import { storeDraftRanking } from "@/lib/ranking/mutations/store-draft-ranking";
import { ruleSetFieldErrors } from "@/lib/ranking/mutations/save-rule-set";

export type TQuarterRef = { programId: string; year: number; quarter: 1 | 2 | 3 | 4 };
export type TComputeOptions = { now?: Date; meta?: Partial<TRequestMeta> };
export type TDraftComputed = { rankingId: string; ruleSetVersion: number; banks: number };

const DEFAULT_BOTTOM_LIST_SIZE = 5;

function checkQuarter(ref: TQuarterRef): void {
  if (!isUuid(ref.programId)) throw new AppError("notFound");
  if (!Number.isInteger(ref.year) || ref.year < 2000 || ref.year > 2100 || ![1, 2, 3, 4].includes(ref.quarter))
    throw new AppError("invalidInput", { quarter: "invalid" });
}

async function bottomListSizeOf(db: PrismaClient, programId: string): Promise<number> {
  return (await getCurrentRuleVersion(db, programId))?.bottomListSize ?? DEFAULT_BOTTOM_LIST_SIZE;
}

/**
 * Computes the quarter's ranking with the program's current rule set and stores it as a
 * DRAFT (entries + a snapshot of everything it was computed from). Recomputing a
 * DRAFT/UNDER_REVIEW ranking replaces its entries and clears both reviews: the reviewers
 * approved numbers that no longer exist. A quarter that has a PUBLISHED ranking is
 * refused ("alreadyPublished"), as is a quarter that has not ended ("quarterNotEnded").
 */
export async function computeDraftRanking(
  db: PrismaClient,
  actor: TActor,
  ref: TQuarterRef,
  options: TComputeOptions = {},
): Promise<TDraftComputed> {
  if (!canActor(actor, "rankings.publish")) throw new AppError("forbidden");
  checkQuarter(ref);
  const now = options.now ?? new Date();
  if (now < quarterEndsAt(ref.year, ref.quarter)) throw new AppError("quarterNotEnded");
  const program = await db.program.findUnique({ where: { id: ref.programId }, select: { id: true, name: true, docNumber: true } });
  if (!program) throw new AppError("notFound");
  const ruleSet = await getCurrentRuleSet(db, program.id);
  if (!ruleSet) throw new AppError("noRuleSet");
  if (!ruleSet.rules) throw new AppError("ruleSetInvalid");
  const bottomListSize = await bottomListSizeOf(db, program.id);

  const inputs = await computeQuarterInputs(db, { programId: program.id, year: ref.year, quarter: ref.quarter, now });
  const result = computeRanking(inputs, ruleSet.rules, { bottomListSize, unrankWithoutReturn: true });
  const snapshot = toJson({
    program: { id: program.id, name: program.name, docNumber: program.docNumber },
    ruleSet: { id: ruleSet.id, version: ruleSet.version, name: ruleSet.name },
    rules: ruleSet.rules,
    bottomListSize,
    missingReturn: MISSING_RETURN_UNRANKED,
    computedAt: inputs.computedAt ?? now,
    inputs,
  });

  return db.$transaction(async (tx) => {
    const { rankingId, recomputed } = await storeDraftRanking(tx, {
      programId: program.id,
      year: ref.year,
      quarter: ref.quarter,
      period: RankingPeriod.QUARTER,
      ruleSetId: ruleSet.id,
      computedById: actor.userId,
      computedAt: now,
      snapshot,
      entries: result.entries,
    });
    await writeAudit(tx, {
      action: "rankings.computed",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Ranking",
      targetId: rankingId,
      ...options.meta,
      details: {
        programId: program.id,
        year: ref.year,
        quarter: ref.quarter,
        ruleSetVersion: ruleSet.version,
        banks: result.entries.length,
        recomputed,
      },
    });
    return { rankingId, ruleSetVersion: ruleSet.version, banks: result.entries.length };
  });
}

/**
 * The quarter's ranking under other rules (changed weights or parameters), for the
 * finance office to try before saving a new rule-set version. Stores nothing, audits
 * nothing: it only reads.
 */
export async function previewRanking(
  db: PrismaClient,
  actor: TActor,
  input: TQuarterRef & { rules: unknown },
  options: { now?: Date } = {},
): Promise<TRankingResult> {
  if (!canActor(actor, "scoring.manage")) throw new AppError("forbidden");
  checkQuarter(input);
  const parsed = ZRuleSet.safeParse(input.rules);
  if (!parsed.success) throw new AppError("invalidInput", ruleSetFieldErrors(parsed.error));
  const program = await db.program.findUnique({ where: { id: input.programId }, select: { id: true } });
  if (!program) throw new AppError("notFound");
  const inputs = await computeQuarterInputs(db, { programId: program.id, year: input.year, quarter: input.quarter, now: options.now });
  return computeRanking(inputs, parsed.data as TRuleSetItem[], {
    bottomListSize: await bottomListSizeOf(db, program.id),
    unrankWithoutReturn: true,
  });
}
