import { Prisma } from "@/lib/generated/prisma/client";

/** The cached things whose changes CacheRevision counts (one row each, raised by triggers). */
export const CACHE_NAMES = ["calendar", "program", "ranking", "banks", "keyLists"] as const;
export type TCacheName = (typeof CACHE_NAMES)[number];

/** Every cached thing's revision as text; null for one whose row is missing. */
export type TCacheRevisions = Record<TCacheName, string | null>;

/**
 * Every cached thing's revision, as one JSON column ({"calendar": "12", …}) for the session
 * statement, which runs on every signed-in request and must not grow a query per cache.
 */
export const CACHE_REVISIONS_COLUMN = Prisma.sql`(SELECT json_object_agg(r."name", r."revision"::text) FROM "CacheRevision" r)`;

/** The column's value as a record with every name present. */
export function cacheRevisionsOf(column: Partial<Record<string, string>> | null): TCacheRevisions {
  return Object.fromEntries(CACHE_NAMES.map((name) => [name, column?.[name] ?? null])) as TCacheRevisions;
}
