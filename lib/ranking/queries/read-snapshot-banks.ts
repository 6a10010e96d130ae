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
  /** The ranking's bottom list size and, for an annual assessment, its top list size (else 0). */
  bottomListSize: number;
  topListSize: number;
};

/**
 * What dashboards and the score history need from a stored ranking's snapshot — the banks'
 * names, the banks without a return and the sizes of its lists — read inside PostgreSQL,
 * not the snapshot, which carries every bank's inputs and the items that cost it points.
 *
 * All depend only on the snapshot's rules and bank inputs, which a ranking keeps from its
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
  // One row per bank, and one row with no bank when the snapshot lists none, so the list
  // sizes come back either way.
  const rows = await db.$queryRaw<
    { bankOrgId: string | null; bankName: string | null; unfiled: boolean | null; bottom: number | null; top: number | null }[]
  >`
    SELECT b->>'bankOrgId' AS "bankOrgId", b->>'bankName' AS "bankName",
           (r."snapshot"->>'missingReturn' = ${MISSING_RETURN_UNRANKED}
             AND b ? 'submittedAt' AND b->'submittedAt' = 'null'::jsonb) AS unfiled,
           (r."snapshot"->>'bottomListSize')::int AS bottom, (r."snapshot"->>'topListSize')::int AS top
      FROM "Ranking" r
      LEFT JOIN LATERAL jsonb_array_elements(
             CASE WHEN jsonb_typeof(r."snapshot"->'inputs'->'banks') = 'array'
                  THEN r."snapshot"->'inputs'->'banks' ELSE '[]'::jsonb END) b ON true
     WHERE r."id" = ${rankingId}::uuid`;
  const banks = rows.filter((r): r is typeof r & { bankOrgId: string } => r.bankOrgId !== null);
  return {
    names: new Map(banks.flatMap((r) => (r.bankName === null ? [] : [[r.bankOrgId, r.bankName] as const]))),
    unfiled: new Set(banks.filter((r) => r.unfiled === true).map((r) => r.bankOrgId)),
    bottomListSize: rows[0]?.bottom ?? 0,
    topListSize: rows[0]?.top ?? 0,
  };
}
