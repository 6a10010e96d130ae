import type { Prisma } from "@/lib/generated/prisma/client";
import { MISSING_RETURN_UNRANKED } from "@/lib/ranking/ranking-snapshot";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw">;

export type TSnapshotBanks = {
  /** Each ranked bank's name as the snapshot holds it. */
  names: ReadonlyMap<string, string>;
  /**
   * The banks the ranking listed apart for having no quarterly return (hasMissingReturn's
   * rule: the snapshot's missingReturn rule is "unranked" and the bank's input has no
   * submittedAt).
   */
  unfiled: ReadonlySet<string>;
};

/**
 * What dashboards and the score history need from a stored ranking's snapshot — the banks'
 * names and the banks without a return — read inside PostgreSQL, not the snapshot, which
 * carries every bank's inputs and the items that cost it points.
 *
 * Both depend only on the snapshot's bank inputs, which a ranking keeps from its
 * computation on (publishing adds the issuer and the time, never inputs; recomputing a draft
 * sets a new computedAt). So a ranking's answer is kept per (id, computedAt) in the
 * process: reading it costs PostgreSQL the whole snapshot's decompression, tens of
 * milliseconds at city size, on every view of a page that shows the ranking. A few
 * rankings a year: the map stays small, and is emptied at its bound anyway.
 */
const KEPT_RANKINGS = 64;
const kept = new Map<string, TSnapshotBanks>();

export async function readSnapshotBanks(db: TDb, ranking: { id: string; computedAt: Date }): Promise<TSnapshotBanks> {
  const key = `${ranking.id}@${ranking.computedAt.toISOString()}`;
  const known = kept.get(key);
  if (known) return known;
  const banks = await readFromSnapshot(db, ranking.id);
  if (kept.size >= KEPT_RANKINGS) kept.clear();
  kept.set(key, banks);
  return banks;
}

async function readFromSnapshot(db: TDb, rankingId: string): Promise<TSnapshotBanks> {
  const rows = await db.$queryRaw<{ bankOrgId: string; bankName: string | null; unfiled: boolean }[]>`
    SELECT b->>'bankOrgId' AS "bankOrgId", b->>'bankName' AS "bankName",
           (r."snapshot"->>'missingReturn' = ${MISSING_RETURN_UNRANKED}
             AND b ? 'submittedAt' AND b->'submittedAt' = 'null'::jsonb) AS unfiled
      FROM "Ranking" r
     CROSS JOIN LATERAL jsonb_array_elements(
             CASE WHEN jsonb_typeof(r."snapshot"->'inputs'->'banks') = 'array'
                  THEN r."snapshot"->'inputs'->'banks' ELSE '[]'::jsonb END) b
     WHERE r."id" = ${rankingId}::uuid`;
  return {
    names: new Map(rows.flatMap((r) => (r.bankName === null ? [] : [[r.bankOrgId, r.bankName] as const]))),
    unfiled: new Set(rows.filter((r) => r.unfiled).map((r) => r.bankOrgId)),
  };
}
