/**
 * Appending to the resolution ledger (解决台账) inside the caller's transaction.
 *
 * Each entry continues its request's hash chain (../hash.ts): seq = last seq + 1,
 * prevHash = last hash. Two transactions appending to the same request at once must not
 * both read the same "last entry", so the request row is locked first
 * (`SELECT … FROM "Request" … FOR UPDATE`), then the last entry is read by a later
 * statement, whose snapshot (READ COMMITTED) already holds whatever the previous lock
 * holder committed. The ledger row itself is not locked: locking it alone would not be
 * enough (a waiter would get the OLD last entry it waited for and collide on
 * (requestId, seq)), and a row lock needs UPDATE rights the application's database role
 * does not have on the ledger.
 * Workflow mutations that update the request row in the same transaction already hold
 * that lock; taking it again is free.
 *
 * `appendLedgerEntries` does the same for many requests with a fixed number of
 * statements (locks in id order, so two batches cannot deadlock each other).
 */

import type { Prisma } from "@/lib/generated/prisma/client";
import type { LedgerAction, RequestStatus } from "@/lib/generated/prisma/enums";
import { ledgerEntryHash } from "@/lib/ledger/hash";

type TTx = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

export interface TNewLedgerEntry {
  requestId: string;
  action: LedgerAction;
  actorUserId?: string | null;
  actorOrgId?: string | null;
  fromStatus?: RequestStatus | null;
  toStatus?: RequestStatus | null;
  /** JSON only: strings, numbers, booleans, null, arrays, objects (money as a string of fen). */
  content?: Record<string, unknown>;
  note?: string | null;
  /** Default: now. Stored with millisecond precision (timestamptz(3)). */
  occurredAt?: Date;
}

export interface TAppendedLedgerEntry {
  requestId: string;
  seq: number;
  prevHash: string | null;
  hash: string;
}

const ROWS_PER_STATEMENT = 5000;

/** Milliseconds only, as the column keeps them, so the hash matches what is read back. */
function toMs(d: Date): Date {
  return new Date(Math.floor(d.getTime()));
}

/** Appends one entry; returns its seq and hash. Throws if the request does not exist. */
export async function appendLedgerEntry(tx: TTx, entry: TNewLedgerEntry): Promise<TAppendedLedgerEntry> {
  const [appended] = await appendLedgerEntries(tx, [entry]);
  return appended!;
}

/**
 * Appends entries (several may belong to the same request: they are chained in the order
 * given). Returns one result per entry, in the same order.
 */
export async function appendLedgerEntries(tx: TTx, entries: readonly TNewLedgerEntry[]): Promise<TAppendedLedgerEntry[]> {
  if (entries.length === 0) return [];
  const ids = [...new Set(entries.map((e) => e.requestId))].sort();
  const tails = new Map<string, { seq: number; hash: string | null }>();

  for (let i = 0; i < ids.length; i += ROWS_PER_STATEMENT) {
    const chunk = ids.slice(i, i + ROWS_PER_STATEMENT);
    const locked = await tx.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT id::text AS id FROM "Request" WHERE id = ANY($1::text[]::uuid[]) ORDER BY id FOR UPDATE`,
      chunk,
    );
    if (locked.length !== chunk.length) {
      const found = new Set(locked.map((r) => r.id));
      throw new Error(`appendLedgerEntries: request ${chunk.find((id) => !found.has(id))} does not exist`);
    }
    // The last entry of each request (one index probe each via the (requestId, seq) key).
    const last = await tx.$queryRawUnsafe<Array<{ requestId: string; seq: number; hash: string }>>(
      `SELECT r.id::text AS "requestId", l.seq, l.hash
         FROM unnest($1::text[]::uuid[]) AS r(id)
         CROSS JOIN LATERAL (
           SELECT seq, hash FROM "LedgerEntry" e WHERE e."requestId" = r.id ORDER BY seq DESC LIMIT 1
         ) l`,
      chunk,
    );
    for (const id of chunk) tails.set(id, { seq: 0, hash: null });
    for (const r of last) tails.set(r.requestId, { seq: r.seq, hash: r.hash });
  }

  const now = new Date();
  const rows = entries.map((e) => {
    const tail = tails.get(e.requestId)!;
    const seq = tail.seq + 1;
    const input = {
      requestId: e.requestId,
      seq,
      action: e.action,
      actorUserId: e.actorUserId ?? null,
      actorOrgId: e.actorOrgId ?? null,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      content: e.content ?? {},
      note: e.note ?? null,
      occurredAt: toMs(e.occurredAt ?? now),
    };
    const hash = ledgerEntryHash(tail.hash, input);
    const appended = { ...input, prevHash: tail.hash, hash };
    tails.set(e.requestId, { seq, hash });
    return appended;
  });

  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    await tx.$executeRawUnsafe(
      `INSERT INTO "LedgerEntry" ("requestId", seq, action, "actorUserId", "actorOrgId", "fromStatus", "toStatus", content, note, "occurredAt", "prevHash", hash)
       SELECT "requestId"::uuid, seq::int, action::"LedgerAction", "actorUserId"::uuid, "actorOrgId"::uuid,
              "fromStatus"::"RequestStatus", "toStatus"::"RequestStatus", content::jsonb, note, "occurredAt"::timestamptz, "prevHash", hash
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[])
           AS v("requestId", seq, action, "actorUserId", "actorOrgId", "fromStatus", "toStatus", content, note, "occurredAt", "prevHash", hash)`,
      chunk.map((r) => r.requestId),
      chunk.map((r) => String(r.seq)),
      chunk.map((r) => r.action),
      chunk.map((r) => r.actorUserId),
      chunk.map((r) => r.actorOrgId),
      chunk.map((r) => r.fromStatus),
      chunk.map((r) => r.toStatus),
      chunk.map((r) => JSON.stringify(r.content)),
      chunk.map((r) => r.note),
      chunk.map((r) => r.occurredAt.toISOString()),
      chunk.map((r) => r.prevHash),
      chunk.map((r) => r.hash),
    );
  }
  return rows.map((r) => ({ requestId: r.requestId, seq: r.seq, prevHash: r.prevHash, hash: r.hash }));
}
