import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RankingPeriod, RankingStatus } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import type { TActor } from "@/lib/auth/permissions";
import { rankingAccess } from "@/lib/ranking/queries/ranking-access";
import { hasMissingReturn, readBreakdown, readSnapshot, type TBreakdownRow, type TRankingSnapshot } from "@/lib/ranking/ranking-snapshot";

export type TRankingEntryView = {
  bankOrgId: string;
  bankName: string;
  totalScore: number;
  rank: number;
  bottomList: boolean;
  /** No quarterly return: listed after the ranked banks (docs/decisions/017-missing-quarterly-return.md). */
  missingReturn: boolean;
  /** The actor's own bank (or one of its branches): shown first, with its cost items. */
  own: boolean;
  breakdown: TBreakdownRow[];
};

type TPerson = { at: Date; name: string } | null;

export type TRankingDetail = {
  id: string;
  programId: string;
  year: number;
  /** 0 for an annual assessment (period YEAR). */
  quarter: number;
  period: RankingPeriod;
  status: RankingStatus;
  snapshot: TRankingSnapshot;
  computed: TPerson;
  financeReview: TPerson;
  pbcReview: TPerson;
  published: TPerson;
  entries: TRankingEntryView[];
};

/**
 * One ranking as the actor may see it (ranking-access.ts), or null ("not found") —
 * a draft asked for by a bank is not found either. Bank names come from the snapshot, so
 * a published ranking reads the same after a bank is renamed. Entries by rank.
 */
export async function getRanking(db: PrismaClient, actor: TActor, rankingId: string): Promise<TRankingDetail | null> {
  if (!isUuid(rankingId)) return null;
  const access = await rankingAccess(db, actor);
  if (!access.where) return null;
  const ranking = await db.ranking.findFirst({
    where: { AND: [access.where, { id: rankingId }] },
    select: {
      id: true,
      programId: true,
      year: true,
      quarter: true,
      period: true,
      status: true,
      snapshot: true,
      computedAt: true,
      computedById: true,
      financeReviewedAt: true,
      financeReviewedById: true,
      pbcReviewedAt: true,
      pbcReviewedById: true,
      publishedAt: true,
      publishedById: true,
      entries: { select: { bankOrgId: true, totalScore: true, rank: true, bottomList: true, breakdown: true }, orderBy: { rank: "asc" } },
    },
  });
  if (!ranking) return null;
  const snapshot = readSnapshot(ranking.snapshot);
  const names = new Map(snapshot.inputs.banks.map((b) => [b.bankOrgId, b.bankName]));
  const own = new Set(access.ownBankOrgIds);
  const people = await peopleNames(db, [ranking.computedById, ranking.financeReviewedById, ranking.pbcReviewedById, ranking.publishedById]);
  const person = (at: Date | null, id: string | null): TPerson => (at ? { at, name: (id && people.get(id)) || "" } : null);

  return {
    id: ranking.id,
    programId: ranking.programId,
    year: ranking.year,
    quarter: ranking.quarter,
    period: ranking.period,
    status: ranking.status,
    snapshot,
    computed: person(ranking.computedAt, ranking.computedById),
    financeReview: person(ranking.financeReviewedAt, ranking.financeReviewedById),
    pbcReview: person(ranking.pbcReviewedAt, ranking.pbcReviewedById),
    published: person(ranking.publishedAt, ranking.publishedById),
    entries: ranking.entries.map((e) => {
      const isOwn = own.has(e.bankOrgId);
      const showItems = access.seesAllCostItems || isOwn;
      return {
        bankOrgId: e.bankOrgId,
        bankName: names.get(e.bankOrgId) ?? "",
        totalScore: Number(e.totalScore),
        rank: e.rank,
        bottomList: e.bottomList,
        missingReturn: hasMissingReturn(snapshot, e.bankOrgId),
        own: isOwn,
        breakdown: readBreakdown(e.breakdown).map((row) => ({ ...row, costItems: showItems ? (row.costItems ?? []) : [] })),
      };
    }),
  };
}

async function peopleNames(db: PrismaClient, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, name: true, org: { select: { name: true } } },
  });
  return new Map(users.map((u) => [u.id, `${u.name}（${u.org.name}）`]));
}
