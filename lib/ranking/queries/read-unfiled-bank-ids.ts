import type { Prisma } from "@/lib/generated/prisma/client";
import { MISSING_RETURN_UNRANKED } from "@/lib/ranking/ranking-snapshot";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * The banks a stored ranking listed apart for having no quarterly return (hasMissingReturn's
 * rule: the snapshot's missingReturn rule is "unranked" and the bank's input has no
 * submittedAt), read inside PostgreSQL: a dashboard needs only these ids, not the snapshot,
 * which carries every bank's inputs and the items that cost it points.
 */
export async function readUnfiledBankIds(db: TDb, rankingId: string): Promise<string[]> {
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
