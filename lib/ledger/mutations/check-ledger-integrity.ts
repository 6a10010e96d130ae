/**
 * The ledger's integrity check, run by a periodic job (and safe to run again at any time):
 *
 *  1. New entries, once each, in id order from where the last run stopped: each hash
 *     recomputes from its content and its prevHash, which is the stored hash of the
 *     item's previous entry. Entries younger than a minute wait for the next run (an
 *     entry with a smaller id may still be committing).
 *  2. A rolling sweep of whole chains, a batch of items per run, so an entry edited after
 *     it was first checked is found within one pass over all items.
 *  3. The daily anchor (lib/ledger/anchor.ts): before anchoring a new day, the latest
 *     anchor is recomputed from the ledger; a difference means anchored history was
 *     rewritten, even if every hash was recomputed to match.
 *
 * Every break is recorded once (LedgerIntegrityIssue, append-only) and notifies the finance
 * office's users; the item page shows its own chain's state on every view.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { notifyMany, type TNotifyInput } from "@/lib/notifications/mutations/notify";
import { anchorCutoff, anchorDigest, anchorOfRow, dateOfDay, dayOfDate, dayToAnchor } from "../anchor";
import { ledgerEntryHash, verifyChain, type TChainedLedgerEntry } from "../hash";
import { readChainHeads } from "../queries/read-chain-heads";
import { LEDGER_CHAIN_SELECT } from "@/lib/requests/queries/verify-request-ledger";

export type TLedgerCheckOptions = {
  now: Date;
  /** New entries read at a time, and at most how many such reads a run makes. */
  entryBatch?: number;
  entryBatches?: number;
  /** Items whose whole chain a run re-checks. */
  sweepBatch?: number;
};
export type TLedgerCheckResult = { checkedEntries: number; sweptRequests: number; anchoredDay: string | null; newIssues: number };

/** Younger entries wait for the next run: an entry with a smaller id may still be committing. */
const SETTLE_MS = 60_000;

type TBreak = { kind: "CHAIN"; requestId: string; seq: number } | { kind: "ANCHOR"; day: string };

type TNewEntry = TChainedLedgerEntry & { id: bigint; hasPrevious: boolean; previousHash: string | null };

export async function checkLedgerIntegrity(db: PrismaClient, options: TLedgerCheckOptions): Promise<TLedgerCheckResult> {
  const { now } = options;
  const state = await db.ledgerCheckState.upsert({
    where: { id: 1 },
    create: { id: 1 },
    update: {},
    select: { checkedUpToId: true, sweepAfterRequestId: true },
  });
  const breaks: TBreak[] = [];

  // 1. new entries since the last run, a batch at a time
  const entryBatch = options.entryBatch ?? 2_000;
  let checkedUpToId = state.checkedUpToId;
  let checkedEntries = 0;
  for (let batch = 0; batch < (options.entryBatches ?? 50); batch++) {
    const fresh = await readNewEntries(db, checkedUpToId, entryBatch);
    let settled = true;
    for (const entry of fresh) {
      if (entry.occurredAt.getTime() > now.getTime() - SETTLE_MS) {
        settled = false;
        break;
      }
      const linked =
        entry.seq === 1 ? entry.prevHash === null && !entry.hasPrevious : entry.hasPrevious && entry.prevHash === entry.previousHash;
      if (!linked || !hashMatches(entry)) breaks.push({ kind: "CHAIN", requestId: entry.requestId, seq: entry.seq });
      checkedUpToId = entry.id;
      checkedEntries++;
    }
    if (!settled || fresh.length < entryBatch) break;
  }

  // 2. the next batch of whole chains
  const sweepBatch = options.sweepBatch ?? 2000;
  const items = await db.request.findMany({
    where: state.sweepAfterRequestId ? { id: { gt: state.sweepAfterRequestId } } : {},
    orderBy: { id: "asc" },
    take: sweepBatch,
    select: { id: true },
  });
  const chains = await db.ledgerEntry.findMany({
    where: { requestId: { in: items.map((i) => i.id) } },
    orderBy: [{ requestId: "asc" }, { seq: "asc" }],
    select: LEDGER_CHAIN_SELECT,
  });
  const byItem = new Map<string, typeof chains>();
  for (const e of chains) {
    const list = byItem.get(e.requestId);
    if (list) list.push(e);
    else byItem.set(e.requestId, [e]);
  }
  for (const [n, item] of items.entries()) {
    // Hashing is synchronous: let the server's requests in between (the job may run inside it).
    if (n % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    const broken = verifyChain(byItem.get(item.id) ?? []);
    if (broken >= 0) breaks.push({ kind: "CHAIN", requestId: item.id, seq: broken + 1 });
  }
  const sweepAfterRequestId = items.length < sweepBatch ? null : items.at(-1)!.id;

  // 3. the daily anchor
  const anchoredDay = await anchorDay(db, now, breaks);

  await db.ledgerCheckState.update({ where: { id: 1 }, data: { checkedUpToId, sweepAfterRequestId } });
  const newIssues = await recordBreaks(db, breaks);
  return { checkedEntries, sweptRequests: items.length, anchoredDay, newIssues };
}

function readNewEntries(db: PrismaClient, afterId: bigint, take: number): Promise<TNewEntry[]> {
  return db.$queryRaw<TNewEntry[]>`
    SELECT e.id, e."requestId"::text AS "requestId", e.seq, e.action::text AS action, e."actorUserId"::text AS "actorUserId",
           e."actorOrgId"::text AS "actorOrgId", e."fromStatus"::text AS "fromStatus", e."toStatus"::text AS "toStatus",
           e.content, e.note, e."occurredAt", e."prevHash", e.hash,
           (p.id IS NOT NULL) AS "hasPrevious", p.hash AS "previousHash"
      FROM "LedgerEntry" e
      LEFT JOIN "LedgerEntry" p ON p."requestId" = e."requestId" AND p.seq = e.seq - 1
     WHERE e.id > ${afterId}
     ORDER BY e.id
     LIMIT ${take}`;
}

function hashMatches(entry: TChainedLedgerEntry): boolean {
  try {
    return ledgerEntryHash(entry.prevHash, entry) === entry.hash;
  } catch {
    return false;
  }
}

/** Anchors the day due at `now` unless it is anchored already; checks the latest anchor first. Returns the day anchored, or null. */
async function anchorDay(db: PrismaClient, now: Date, breaks: TBreak[]): Promise<string | null> {
  const day = dayToAnchor(now);
  const latest = await db.ledgerAnchor.findFirst({ orderBy: { day: "desc" } });
  if (latest && dayOfDate(latest.day) >= day) return null;
  if (latest) {
    // The stored anchor must still recompute, both from its own fields and from the ledger.
    const stored = anchorOfRow(latest);
    const heads = await readChainHeads(db, anchorCutoff(stored.day));
    const same = heads.headsDigest === stored.headsDigest && heads.requests === stored.requests && heads.entries === stored.entries;
    if (!same || anchorDigest(stored) !== stored.digest) breaks.push({ kind: "ANCHOR", day: stored.day });
  }
  const heads = await readChainHeads(db, anchorCutoff(day));
  const fields = { day, ...heads, prevDigest: latest?.digest ?? null };
  const created = await db.ledgerAnchor.createMany({
    data: [{ ...fields, day: dateOfDay(day), digest: anchorDigest(fields) }],
    skipDuplicates: true,
  });
  return created.count > 0 ? day : null;
}

/** Records each break not recorded yet and notifies the finance office of it; returns how many were new. */
async function recordBreaks(db: PrismaClient, breaks: TBreak[]): Promise<number> {
  if (breaks.length === 0) return 0;
  const chains = new Map<string, number>();
  for (const b of breaks) if (b.kind === "CHAIN") chains.set(b.requestId, Math.min(b.seq, chains.get(b.requestId) ?? b.seq));
  const days = [...new Set(breaks.flatMap((b) => (b.kind === "ANCHOR" ? [b.day] : [])))];
  return db.$transaction(async (tx) => {
    const chainIssues = await tx.ledgerIntegrityIssue.createManyAndReturn({
      data: [...chains].map(([requestId, brokenAtSeq]) => ({ kind: "CHAIN" as const, requestId, brokenAtSeq })),
      skipDuplicates: true,
      select: { requestId: true, brokenAtSeq: true },
    });
    const anchorIssues = await tx.ledgerIntegrityIssue.createManyAndReturn({
      data: days.map((day) => ({ kind: "ANCHOR" as const, anchorDay: dateOfDay(day) })),
      skipDuplicates: true,
      select: { anchorDay: true },
    });
    const financeOffices = (
      await tx.organization.findMany({ where: { active: true, kind: OrgKind.FINANCE_OFFICE }, select: { id: true } })
    ).map((o) => o.id);
    const items = await tx.request.findMany({
      where: { id: { in: chainIssues.map((i) => i.requestId!) } },
      select: { id: true, serial: true, title: true },
    });
    const roles = [Role.FINANCE_ADMIN, Role.FINANCE_STAFF];
    const events: TNotifyInput[] = [
      ...chainIssues.map((issue): TNotifyInput => {
        const item = items.find((i) => i.id === issue.requestId)!;
        return {
          kind: "ledger.chainBroken",
          orgIds: financeOffices,
          roles,
          requestId: item.id,
          link: `/requests/${item.id}`,
          params: { serial: item.serial, title: item.title, seq: issue.brokenAtSeq! },
          dedupeKey: `ledger.chainBroken:${item.id}`,
        };
      }),
      ...anchorIssues.map((issue): TNotifyInput => ({
        kind: "ledger.anchorMismatch",
        orgIds: financeOffices,
        roles,
        link: "/ledger",
        params: { day: dayOfDate(issue.anchorDay!) },
        dedupeKey: `ledger.anchorMismatch:${dayOfDate(issue.anchorDay!)}`,
      })),
    ];
    await notifyMany(tx, events);
    return chainIssues.length + anchorIssues.length;
  });
}
