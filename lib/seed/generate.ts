/**
 * The demo data as plain rows, without a database. `generateSeed` yields the base data,
 * then one batch per chunk of enterprises, so 100,000 enterprises need memory for one
 * chunk only. Same options → identical rows (ids included).
 */

import { buildBase } from "./base";
import { buildEnterpriseChunk, type TChunkState } from "./enterprises";
import { isIsoDay, shanghaiToday } from "./time";
import { TABLE_ORDER, emptyRows, type TSeedContext, type TSeedOptions, type TSeedRows } from "./types";

export const DEFAULT_ENTERPRISES = 300;
export const DEFAULT_SEED = "rongqiao-demo";
export const DEFAULT_CHUNK_SIZE = 1000;
export const MAX_ENTERPRISES = 1_000_000;

/** Fills in defaults and validates. Reference date defaults to today in Asia/Shanghai. */
export function resolveSeedOptions(partial: Partial<TSeedOptions> = {}, now: Date = new Date()): TSeedOptions {
  const options: TSeedOptions = {
    enterprises: partial.enterprises ?? DEFAULT_ENTERPRISES,
    referenceDate: partial.referenceDate ?? shanghaiToday(now),
    seed: partial.seed ?? DEFAULT_SEED,
    chunkSize: partial.chunkSize ?? DEFAULT_CHUNK_SIZE,
  };
  if (!Number.isSafeInteger(options.enterprises) || options.enterprises < 1 || options.enterprises > MAX_ENTERPRISES) {
    throw new RangeError(`enterprises must be an integer from 1 to ${MAX_ENTERPRISES}, got ${String(partial.enterprises)}`);
  }
  if (!isIsoDay(options.referenceDate)) {
    throw new RangeError(`referenceDate must be a real date as YYYY-MM-DD, got ${JSON.stringify(options.referenceDate)}`);
  }
  const year = Number(options.referenceDate.slice(0, 4));
  if (year < 2000 || year > 2100) throw new RangeError(`referenceDate ${options.referenceDate} is out of range (2000–2100)`);
  if (!Number.isSafeInteger(options.chunkSize) || options.chunkSize < 1) {
    throw new RangeError(`chunkSize must be a positive integer, got ${String(partial.chunkSize)}`);
  }
  return options;
}

export interface TSeedBatch {
  /** "base" first, then one "enterprises" batch per chunk. */
  kind: "base" | "enterprises";
  /** Enterprise index range of an "enterprises" batch. */
  from?: number;
  to?: number;
  rows: TSeedRows;
  ctx: TSeedContext;
}

export function* generateSeed(options: TSeedOptions): Generator<TSeedBatch> {
  const { ctx, rows } = buildBase(options);
  yield { kind: "base", rows, ctx };
  const state: TChunkState = { nextSerial: 1 };
  for (let from = 0; from < options.enterprises; from += options.chunkSize) {
    const to = Math.min(options.enterprises, from + options.chunkSize);
    const chunk = emptyRows();
    buildEnterpriseChunk(ctx, from, to, state, chunk);
    yield { kind: "enterprises", from, to, rows: chunk, ctx };
  }
}

/** Everything in memory at once: for tests and small runs. */
export function generateSeedData(options: TSeedOptions): TSeedRows {
  const all = emptyRows();
  for (const batch of generateSeed(options)) {
    for (const table of TABLE_ORDER) (all[table] as unknown[]).push(...(batch.rows[table] as unknown[]));
  }
  return all;
}

/** Row counts per table. */
export function countRows(rows: TSeedRows): Record<keyof TSeedRows, number> {
  return Object.fromEntries(TABLE_ORDER.map((t) => [t, rows[t].length])) as Record<keyof TSeedRows, number>;
}
