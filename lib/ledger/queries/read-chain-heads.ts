/**
 * The heads of every item's ledger chain as of `cutoff` (entries that occurred up to
 * then): how many items, how many entries (the sum of the heads' seqs), and the sha256 of
 * the heads as lines "requestId:seq:hash", in requestId order. Computed in the database,
 * so a city's million entries never travel to the app; the daily anchor stores it and a
 * later check recomputes it the same way.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TChainHeads } from "../anchor";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw">;

export async function readChainHeads(db: TDb, cutoff: Date): Promise<TChainHeads> {
  const [row] = await db.$queryRaw<TChainHeads[]>`
    SELECT count(*)::int AS requests,
           coalesce(sum(seq), 0)::int AS entries,
           encode(sha256(convert_to(coalesce(string_agg("requestId"::text || ':' || seq || ':' || hash, E'\n' ORDER BY "requestId"), ''), 'UTF8')), 'hex')
             AS "headsDigest"
      FROM (SELECT DISTINCT ON ("requestId") "requestId", seq, hash
              FROM "LedgerEntry"
             WHERE "occurredAt" <= ${cutoff}
             ORDER BY "requestId", seq DESC) heads`;
  return row!;
}
