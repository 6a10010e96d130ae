/**
 * Daily anchors of the resolution ledger. An anchor is a digest of every item's chain
 * head (its last entry's seq and hash) as of the end of one day in Asia/Shanghai, chained
 * to the anchor before it:
 *
 *   digest = sha256(canonical JSON of { day, requests, entries, headsDigest, prevDigest })
 *
 * Why: a chain proves that an entry was not edited on its own, but whoever can write the
 * table can also recompute every later hash of the item. The head as of an anchored day
 * then changes, so the day's digest no longer matches; rewriting the anchors too breaks
 * their own chain and disagrees with the copies the finance office exports.
 */
import { createHash } from "node:crypto";
import { endOfShanghaiDay, shanghaiDateString } from "@/lib/calendar/working-days";
import { canonicalJson } from "./hash";

/** A day is anchored once it has been over this long, so that none of its entries is still being written. */
export const ANCHOR_DELAY_MS = 30 * 60_000;

/** The heads of every chain at a moment: how many items and entries, and the digest of their heads. */
export type TChainHeads = { requests: number; entries: number; headsDigest: string };

export type TAnchor = TChainHeads & {
  /** "YYYY-MM-DD", Asia/Shanghai. */
  day: string;
  prevDigest: string | null;
  digest: string;
};

export function anchorDigest(anchor: Omit<TAnchor, "digest">): string {
  const payload = {
    day: anchor.day,
    requests: anchor.requests,
    entries: anchor.entries,
    headsDigest: anchor.headsDigest,
    prevDigest: anchor.prevDigest ?? null,
  };
  return createHash("sha256").update(canonicalJson(payload), "utf8").digest("hex");
}

/** The last instant an anchor of `day` covers: entries that occurred up to then. */
export function anchorCutoff(day: string): Date {
  return endOfShanghaiDay(day);
}

/** The latest day that may be anchored at `now`: the day before the one `now − ANCHOR_DELAY_MS` falls in. */
export function dayToAnchor(now: Date): string {
  const current = shanghaiDateString(new Date(now.getTime() - ANCHOR_DELAY_MS));
  return shanghaiDateString(new Date(new Date(`${current}T12:00:00+08:00`).getTime() - 86_400_000));
}

/**
 * Checks anchors given oldest first: each digest recomputes from its fields and each
 * prevDigest is the digest of the anchor before it. Returns the index of the first anchor
 * that does not hold, or -1.
 */
export function verifyAnchorChain(anchors: readonly TAnchor[]): number {
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!;
    const prev = i === 0 ? a.prevDigest : anchors[i - 1]!.digest;
    if (a.prevDigest !== prev || a.digest !== anchorDigest(a)) return i;
  }
  return -1;
}

/** "YYYY-MM-DD" of a @db.Date column (stored as midnight UTC). */
export function dayOfDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The @db.Date value of a "YYYY-MM-DD" day. */
export function dateOfDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** An anchor as stored (a LedgerAnchor row) to the form its digest is computed from. */
export function anchorOfRow(row: {
  day: Date;
  requests: number;
  entries: number;
  headsDigest: string;
  prevDigest: string | null;
  digest: string;
}): TAnchor {
  const { requests, entries, headsDigest, prevDigest, digest } = row;
  return { day: dayOfDate(row.day), requests, entries, headsDigest, prevDigest, digest };
}

/** One item's chain head: its last entry's seq and hash. */
export type TItemChainHead = { requestId: string; seq: number; hash: string };

/**
 * The digest of some chain heads, computed as read-chain-heads.ts does in the database
 * (lines "requestId:seq:hash" joined by newlines in requestId order, sha256 hex), so a
 * reader recomputes it with any sha256 tool.
 */
export function itemHeadsDigest(heads: readonly TItemChainHead[]): TChainHeads {
  const sorted = [...heads].sort((a, b) => (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0));
  const lines = sorted.map((h) => `${h.requestId}:${h.seq}:${h.hash}`).join("\n");
  return {
    requests: sorted.length,
    entries: sorted.reduce((sum, h) => sum + h.seq, 0),
    headsDigest: createHash("sha256").update(lines, "utf8").digest("hex"),
  };
}
