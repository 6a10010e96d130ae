/**
 * The chain heads of some items as of `cutoff`: each item's last entry that occurred up
 * to then (seq and hash), and the digest of those heads in the daily anchors' form
 * (itemHeadsDigest: lines "requestId:seq:hash" in requestId order, sha256, as
 * read-chain-heads.ts computes for every item). An accepted 解决台账 is stamped with them:
 * whoever holds the file can recompute the heads from the ledger (or check each item's
 * chain) and see that the items it lists stood so when the submission was accepted.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { itemHeadsDigest, type TChainHeads, type TItemChainHead } from "../anchor";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw">;

export async function readItemChainHeads(
  db: TDb,
  requestIds: readonly string[],
  cutoff: Date,
): Promise<{ heads: TItemChainHead[]; digest: TChainHeads }> {
  const ids = [...new Set(requestIds)];
  const heads =
    ids.length === 0
      ? []
      : await db.$queryRaw<TItemChainHead[]>`
          SELECT DISTINCT ON ("requestId") "requestId"::text AS "requestId", seq, hash
            FROM "LedgerEntry"
           WHERE "requestId" = ANY(${ids}::uuid[]) AND "occurredAt" <= ${cutoff}
           ORDER BY "requestId", seq DESC`;
  return { heads, digest: itemHeadsDigest(heads) };
}
