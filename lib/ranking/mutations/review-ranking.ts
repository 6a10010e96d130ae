import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, RankingStatus } from "@/lib/generated/prisma/enums";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { isUuid } from "@/lib/ids";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { lockQuarter, toJson } from "@/lib/ranking/mutations/lock-quarter";

export type TReviewOptions = { now?: Date; meta?: Partial<TRequestMeta> };
export type TReviewSide = "finance" | "pbc";

const OPEN = [RankingStatus.DRAFT, RankingStatus.UNDER_REVIEW];

/** Which of the two reviews the actor's office gives; null for anyone else. */
export function reviewSideOf(actor: TActor): TReviewSide | null {
  if (actor.orgKind === OrgKind.FINANCE_OFFICE) return "finance";
  if (actor.orgKind === OrgKind.CENTRAL_BANK) return "pbc";
  return null;
}

/**
 * Records the finance office's or the central bank branch's review of a draft (each office
 * once; a recomputation clears both). The first review moves the ranking to UNDER_REVIEW.
 * The check and the write are one conditional UPDATE, so a concurrent recompute or
 * publication cannot slip between them.
 */
export async function reviewRanking(
  db: PrismaClient,
  actor: TActor,
  rankingId: string,
  options: TReviewOptions = {},
): Promise<{ side: TReviewSide }> {
  const side = reviewSideOf(actor);
  if (!canActor(actor, "rankings.review") || !side) throw new AppError("forbidden");
  if (!isUuid(rankingId)) throw new AppError("notFound");
  const now = options.now ?? new Date();
  const data =
    side === "finance"
      ? { financeReviewedAt: now, financeReviewedById: actor.userId, status: RankingStatus.UNDER_REVIEW }
      : { pbcReviewedAt: now, pbcReviewedById: actor.userId, status: RankingStatus.UNDER_REVIEW };
  const notYet = side === "finance" ? { financeReviewedAt: null } : { pbcReviewedAt: null };

  return db.$transaction(async (tx) => {
    const { count } = await tx.ranking.updateMany({ where: { id: rankingId, status: { in: OPEN }, ...notYet }, data });
    if (count === 0) {
      const ranking = await tx.ranking.findUnique({ where: { id: rankingId }, select: { status: true } });
      if (!ranking) throw new AppError("notFound");
      throw new AppError(ranking.status === RankingStatus.PUBLISHED ? "alreadyPublished" : "alreadyReviewed");
    }
    await writeAudit(tx, {
      action: "rankings.reviewed",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Ranking",
      targetId: rankingId,
      ...options.meta,
      details: { side },
    });
    return { side };
  });
}

/**
 * Publishes a ranking both offices reviewed (finance administrator only). The status flip
 * is the LAST write: from then on database triggers refuse any change to the ranking and
 * its entries. Only one published ranking per program and quarter. The issuing office's
 * name goes into the snapshot in the same UPDATE, so the bulletin never reads live data.
 */
export async function publishRanking(
  db: PrismaClient,
  actor: TActor,
  rankingId: string,
  options: TReviewOptions = {},
): Promise<{ publishedAt: Date }> {
  if (!canActor(actor, "rankings.publish")) throw new AppError("forbidden");
  if (!isUuid(rankingId)) throw new AppError("notFound");
  const now = options.now ?? new Date();

  return db.$transaction(async (tx) => {
    const ranking = await tx.ranking.findUnique({
      where: { id: rankingId },
      select: {
        id: true,
        programId: true,
        year: true,
        quarter: true,
        status: true,
        financeReviewedAt: true,
        pbcReviewedAt: true,
        snapshot: true,
      },
    });
    if (!ranking) throw new AppError("notFound");
    if (ranking.status === RankingStatus.PUBLISHED) throw new AppError("alreadyPublished");
    if (!ranking.financeReviewedAt || !ranking.pbcReviewedAt) throw new AppError("notReviewed");
    await lockQuarter(tx, ranking.programId, ranking.year, ranking.quarter);
    const published = await tx.ranking.count({
      where: { programId: ranking.programId, year: ranking.year, quarter: ranking.quarter, status: RankingStatus.PUBLISHED },
    });
    if (published > 0) throw new AppError("alreadyPublished");
    const issuer = await tx.organization.findUnique({ where: { id: actor.orgId }, select: { name: true } });
    await writeAudit(tx, {
      action: "rankings.published",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Ranking",
      targetId: ranking.id,
      ...options.meta,
      details: { programId: ranking.programId, year: ranking.year, quarter: ranking.quarter },
    });
    const snapshot = {
      ...(ranking.snapshot as Record<string, unknown>),
      issuer: { orgId: actor.orgId, orgName: issuer?.name ?? "" },
      publishedAt: now,
    };
    // Conditional on the state just checked: a recompute in between (which clears the
    // reviews) makes this match nothing.
    const { count } = await tx.ranking.updateMany({
      where: { id: ranking.id, status: RankingStatus.UNDER_REVIEW, financeReviewedAt: { not: null }, pbcReviewedAt: { not: null } },
      data: { status: RankingStatus.PUBLISHED, publishedAt: now, publishedById: actor.userId, snapshot: toJson(snapshot) },
    });
    if (count === 0) throw new AppError("notReviewed");
    return { publishedAt: now };
  });
}
