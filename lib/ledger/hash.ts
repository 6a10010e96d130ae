/**
 * Hash chain of the resolution ledger (解决台账).
 *
 * Each LedgerEntry stores `prevHash` (the hash of the previous entry of the same request,
 * null for seq 1) and `hash` = sha256 hex of a canonical JSON of the entry and prevHash.
 * Editing, deleting or reordering any entry breaks the chain from that entry on, which
 * `verifyChain` finds without trusting the database.
 *
 * Canonical JSON: object keys sorted at every depth (PostgreSQL jsonb does not keep key
 * order, so an entry read back must hash the same as when written), Dates as ISO-8601 UTC
 * with milliseconds (the column is timestamptz(3)), `undefined` entry fields as null.
 * Values JSON cannot represent faithfully (bigint, NaN, Infinity, functions) are refused:
 * put money in `content` as a string of fen.
 */

import { createHash } from "node:crypto";

export interface TLedgerHashInput {
  requestId: string;
  seq: number;
  action: string;
  actorUserId?: string | null;
  actorOrgId?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  /** Any JSON value (the Json column). */
  content?: unknown;
  note?: string | null;
  occurredAt: Date;
}

export interface TChainedLedgerEntry extends TLedgerHashInput {
  prevHash: string | null;
  hash: string;
}

function canonical(value: unknown, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`ledger hash: non-finite number at ${path}`);
      return JSON.stringify(value);
    case "object": {
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new TypeError(`ledger hash: invalid Date at ${path}`);
        return JSON.stringify(value.toISOString());
      }
      if (Array.isArray(value)) {
        return `[${value.map((v, i) => (v === undefined ? "null" : canonical(v, `${path}[${i}]`))).join(",")}]`;
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k], `${path}.${k}`)}`).join(",")}}`;
    }
    default:
      throw new TypeError(`ledger hash: cannot hash a ${typeof value} at ${path}`);
  }
}

/** Canonical JSON text: sorted keys, ISO dates, no whitespace. */
export function canonicalJson(value: unknown): string {
  return canonical(value, "$");
}

/** sha256 hex of the canonical JSON of the entry together with the previous entry's hash. */
export function ledgerEntryHash(prevHash: string | null, entry: TLedgerHashInput): string {
  const payload = {
    prevHash: prevHash ?? null,
    requestId: entry.requestId,
    seq: entry.seq,
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    actorOrgId: entry.actorOrgId ?? null,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    content: entry.content === undefined ? {} : entry.content,
    note: entry.note ?? null,
    occurredAt: entry.occurredAt,
  };
  return createHash("sha256").update(canonicalJson(payload), "utf8").digest("hex");
}

/**
 * Checks one request's whole ledger, given in seq order: the first entry is seq 1 with no
 * prevHash, seqs are contiguous, all entries belong to the same request, each prevHash is
 * the previous hash and each hash matches the content. Returns the index of the first
 * broken entry, or -1 when the chain is intact (also for an empty list).
 */
export function verifyChain(entries: readonly TChainedLedgerEntry[]): number {
  let prev: string | null = null;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as TChainedLedgerEntry;
    if (e.seq !== i + 1) return i;
    if (i > 0 && e.requestId !== (entries[0] as TChainedLedgerEntry).requestId) return i;
    if ((e.prevHash ?? null) !== prev) return i;
    let expected: string;
    try {
      expected = ledgerEntryHash(prev, e);
    } catch {
      return i;
    }
    if (e.hash !== expected) return i;
    prev = e.hash;
  }
  return -1;
}

/** Builds the chain for entries given in seq order (prevHash and hash filled in). */
export function chainEntries<T extends TLedgerHashInput>(entries: readonly T[]): Array<T & { prevHash: string | null; hash: string }> {
  let prev: string | null = null;
  return entries.map((e) => {
    const hash = ledgerEntryHash(prev, e);
    const chained = { ...e, prevHash: prev, hash };
    prev = hash;
    return chained;
  });
}
