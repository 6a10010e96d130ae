/**
 * Rebuilds every read model from the raw rows (the ledger facts on "Request", then each
 * tally from scratch), with the database's own definition
 * (rq_rebuild_read_models, the function the triggers share). Workflow steps running at the
 * same time wait for it, then apply their change to the rebuilt rows.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

/** The number of items whose ledger facts were wrong and were corrected. */
export async function rebuildReadModels(db: TDb): Promise<number> {
  const [row] = await db.$queryRaw<{ fixed: number }[]>`SELECT "rq_rebuild_read_models"() AS fixed`;
  return row?.fixed ?? 0;
}
