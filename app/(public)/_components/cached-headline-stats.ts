import { unstable_cache } from "next/cache";
import { getHeadlineStats } from "@/lib/portal/queries/headline-stats";
import { db } from "@/lib/server/db";

export const HEADLINE_STATS_CACHE_TAG = "portal-headline-stats";

// The public home is the busiest page and its numbers move slowly: computed at most once
// every five minutes per instance (the result is plain JSON, so the cache stores it as is).
export const loadHeadlineStats = unstable_cache(async () => getHeadlineStats(db(), new Date()), [HEADLINE_STATS_CACHE_TAG], {
  revalidate: 300,
  tags: [HEADLINE_STATS_CACHE_TAG],
});
