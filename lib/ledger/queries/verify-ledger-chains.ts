/**
 * Checks every item's resolution ledger as stored, a batch of items at a time, with the
 * same chain check as an item's page (verifyChain over LEDGER_CHAIN_SELECT). Not scoped
 * and returns no content: it answers "does every chain hold" for a restore drill or an
 * operator, never a tenant's read.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { verifyChain } from "../hash";
import { LEDGER_CHAIN_SELECT } from "@/lib/requests/queries/verify-request-ledger";

type TDb = Pick<Prisma.TransactionClient, "ledgerEntry" | "request">;

export type TLedgerChainsVerification = {
  /** Items with at least one entry. */
  chains: number;
  entries: number;
  /** The first broken seq of each item whose chain does not hold. */
  broken: Array<{ requestId: string; seq: number }>;
};

export async function verifyLedgerChains(db: TDb, options: { batch?: number } = {}): Promise<TLedgerChainsVerification> {
  const batch = options.batch ?? 500;
  const result: TLedgerChainsVerification = { chains: 0, entries: 0, broken: [] };
  let after: string | undefined;
  for (;;) {
    const items = await db.request.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true },
    });
    if (items.length === 0) break;
    const entries = await db.ledgerEntry.findMany({
      where: { requestId: { in: items.map((i) => i.id) } },
      orderBy: [{ requestId: "asc" }, { seq: "asc" }],
      select: LEDGER_CHAIN_SELECT,
    });
    const byItem = new Map<string, typeof entries>();
    for (const e of entries) {
      const list = byItem.get(e.requestId);
      if (list) list.push(e);
      else byItem.set(e.requestId, [e]);
    }
    for (const [requestId, chain] of byItem) {
      result.chains++;
      result.entries += chain.length;
      const broken = verifyChain(chain);
      if (broken >= 0) result.broken.push({ requestId, seq: broken + 1 });
    }
    after = items.at(-1)!.id;
    if (items.length < batch) break;
  }
  return result;
}
