"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { computeDraftAnnualRanking } from "@/lib/ranking/mutations/compute-draft-annual-ranking";
import { computeDraftRanking, previewRanking } from "@/lib/ranking/mutations/compute-draft-ranking";
import { ZPreviewRankingInput, ZQuarterInput, ZRankingIdInput, ZYearInput } from "@/lib/ranking/schemas";
import { publishRanking, reviewRanking } from "@/lib/ranking/mutations/review-ranking";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// The lib functions re-check the permission and the state (which office reviews, both
// reviews before publication, nothing published twice) inside their transactions.

export const computeRankingAction = defineAction({
  name: "rankings.compute",
  policy: "rankings.publish",
  schema: ZQuarterInput,
  async handler({ input, user }) {
    const computed = await computeDraftRanking(db(), user, input, { meta: await requestMeta() });
    revalidatePath("/rankings");
    revalidatePath(`/rankings/${computed.rankingId}`);
    return computed;
  },
});

// The year's annual assessment: a draft of period YEAR that the review and publish actions
// below carry like a quarter's ranking.
export const computeAnnualRankingAction = defineAction({
  name: "rankings.computeAnnual",
  policy: "rankings.publish",
  schema: ZYearInput,
  async handler({ input, user }) {
    const computed = await computeDraftAnnualRanking(db(), user, input, { meta: await requestMeta() });
    revalidatePath("/rankings");
    revalidatePath(`/rankings/${computed.rankingId}`);
    return computed;
  },
});

export const reviewRankingAction = defineAction({
  name: "rankings.review",
  policy: "rankings.review",
  schema: ZRankingIdInput,
  async handler({ input, user }) {
    const reviewed = await reviewRanking(db(), user, input.rankingId, { meta: await requestMeta() });
    revalidatePath("/rankings");
    revalidatePath(`/rankings/${input.rankingId}`);
    return reviewed;
  },
});

export const publishRankingAction = defineAction({
  name: "rankings.publish",
  policy: "rankings.publish",
  schema: ZRankingIdInput,
  async handler({ input, user }) {
    const published = await publishRanking(db(), user, input.rankingId, { meta: await requestMeta() });
    revalidatePath("/rankings");
    revalidatePath(`/rankings/${input.rankingId}`);
    revalidatePath("/rankings/history");
    return published;
  },
});

// Computes the quarter under edited rules and returns the entries; stores nothing.
export const previewRankingAction = defineAction({
  name: "rankings.preview",
  policy: "scoring.manage",
  schema: ZPreviewRankingInput,
  async handler({ input, user }) {
    return previewRanking(db(), user, input);
  },
});
