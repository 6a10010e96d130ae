/**
 * A ZIP's central directory read without inflating anything: the entries' names, their
 * compression method, their compressed and declared uncompressed sizes and where their
 * local headers start. An .xlsx is a ZIP, and what it declares is checked against limits
 * before a single byte is inflated (a few megabytes of repeated bytes can declare, and
 * inflate to, hundreds of megabytes). Pure: no dependency, no framework.
 */

export type TZipEntry = {
  name: string;
  /** 0 stored, 8 deflated; anything else is a method we do not read. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

/** What an uploaded spreadsheet may unpack to: far above any real import (10,000 rows unpack to about 4 MB). */
export type TUnpackLimits = { maxEntries: number; maxUnpackedBytes: number };

export const XLSX_UNPACK_LIMITS: TUnpackLimits = Object.freeze({ maxEntries: 500, maxUnpackedBytes: 64 * 1024 * 1024 });

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
// A directory this long is not an office file; reading it would already be wasted work.
const MAX_LISTED_ENTRIES = 10_000;

/**
 * The entries listed in a ZIP's central directory, or null when the directory is
 * missing, truncated, ZIP64 or otherwise not what a plain ZIP looks like.
 */
export function readZipDirectory(bytes: Uint8Array): TZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // 0xFFFF / 0xFFFFFFFF mean ZIP64: far beyond our size limits, so not a file we take.
  if (count === 0xffff || offset === 0xffffffff || count > MAX_LISTED_ENTRIES) return null;
  if (offset + size > eocd) return null;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const entries: TZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const end = at + 46 + nameLength;
    if (end > eocd) return null;
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) return null;
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, end)),
      method: view.getUint16(at + 10, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    at = end + extraLength + commentLength;
  }
  return entries;
}

/**
 * "unpackedTooLarge" when the directory lists more entries, or declares more unpacked
 * bytes in total, than `limits` allow; else null. The declared sizes can lie, so whoever
 * inflates must still count what comes out (lib/spreadsheet/read-xlsx-worker.mjs does).
 */
export function unpackProblem(entries: readonly TZipEntry[], limits: TUnpackLimits): "unpackedTooLarge" | null {
  if (entries.length > limits.maxEntries) return "unpackedTooLarge";
  let total = 0;
  for (const e of entries) total += e.uncompressedSize;
  return total > limits.maxUnpackedBytes ? "unpackedTooLarge" : null;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}
