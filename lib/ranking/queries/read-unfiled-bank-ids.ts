import type { Prisma } from "@/lib/generated/prisma/client";
import { MISSING_RETURN_UNRANKED } from "@/lib/ranking/ranking-snapshot";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * The banks a stored ranking listed apart for having no quarterly return (hasMissingReturn's
 * rule: the snapshot's missingReturn rule is "unranked" and the bank's input has no
 * submittedAt), read inside PostgreSQL: a dashboard needs only these ids, not the snapshot,
 * which carries every bank's inputs and the items that cost it points.
 *
 * The ids depend only on the snapshot's inputs, which a ranking keeps from its computation
 * on (publishing adds names, never inputs; recomputing a draft sets a new computedAt). So a
 * ranking's answer is kept per (id, computedAt) in the process: reading it costs PostgreSQL
 * the whole snapshot's decompression, tens of milliseconds at city size, on every view of a
 * dashboard that shows the ranking. A few rankings a year: the map stays small, and is
 * emptied at its bound anyway.
 */
const KEPT_RANKINGS = 64;
const kept = new Map<string, readonly string[]>();

export async function readUnfiledBankIds(db: TDb, ranking: { id: string; computedAt: Date }): Promise<readonly string[]> {
  const key = `${ranking.id}@${ranking.computedAt.toISOString()}`;
  const known = kept.get(key);
  if (known) return known;
  const ids = Object.freeze(await readFromSnapshot(db, ranking.id));
  if (kept.size >= KEPT_RANKINGS) kept.clear();
  kept.set(key, ids);
  return ids;
}

async function readFromSnapshot(db: TDb, rankingId: string): Promise<string[]> {
  const [row] = await db.$queryRaw<{ ids: string[] }[]>`
    SELECT coalesce(array_agg(b->>'bankOrgId'), '{}') AS ids
      FROM "Ranking" r
     CROSS JOIN LATERAL jsonb_array_elements(
             CASE WHEN r."snapshot"->>'missingReturn' = ${MISSING_RETURN_UNRANKED}
                   AND jsonb_typeof(r."snapshot"->'inputs'->'banks') = 'array'
                  THEN r."snapshot"->'inputs'->'banks' ELSE '[]'::jsonb END) b
     WHERE r."id" = ${rankingId}::uuid AND b ? 'submittedAt' AND b->'submittedAt' = 'null'::jsonb`;
  return row?.ids ?? [];
}
