/**
 * Checks one request's resolution ledger as stored: every entry's hash recomputed from
 * its content and the previous entry's hash (lib/ledger/hash.ts verifyChain). An entry
 * changed at the storage level (triggers bypassed by the table owner) shows up as the
 * first broken seq. Not scoped: callers decide who may ask (an integrity check, not a read
 * of tenant data — it returns no content).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { verifyChain } from "@/lib/ledger/hash";
import { isUuid } from "@/lib/ids";

type TDb = Pick<Prisma.TransactionClient, "ledgerEntry">;

/** The columns an entry's hash covers, and its link: what a chain check reads. */
export const LEDGER_CHAIN_SELECT = {
  requestId: true,
  seq: true,
  action: true,
  actorUserId: true,
  actorOrgId: true,
  fromStatus: true,
  toStatus: true,
  content: true,
  note: true,
  occurredAt: true,
  prevHash: true,
  hash: true,
} as const satisfies Prisma.LedgerEntrySelect;

export type TLedgerVerification = { ok: boolean; brokenAtSeq: number | null; entries: number };

export async function verifyRequestLedger(db: TDb, requestId: string): Promise<TLedgerVerification> {
  if (!isUuid(requestId)) return { ok: true, brokenAtSeq: null, entries: 0 };
  const entries = await db.ledgerEntry.findMany({
    where: { requestId },
    orderBy: { seq: "asc" },
    select: LEDGER_CHAIN_SELECT,
  });
  const broken = verifyChain(entries);
  if (broken < 0) return { ok: true, brokenAtSeq: null, entries: entries.length };
  // The seq that position should hold: the edited entry's own, or the one that is missing.
  return { ok: false, brokenAtSeq: broken + 1, entries: entries.length };
}
