/**
 * What an uploaded file really is, judged by its bytes, never by its name or the type the
 * browser claims: a renamed .exe stays an .exe. Only four kinds are accepted — PDF, PNG,
 * JPEG and XLSX — everything else (including an empty file) is null.
 *
 * XLSX is a ZIP: we read the ZIP's central directory (no dependency, no decompression)
 * and require the entries "[Content_Types].xml" and at least one under "xl/". A
 * macro-enabled workbook (xl/vbaProject.bin) is refused: we accept data, not code.
 */

export type TFileKind = "pdf" | "png" | "jpeg" | "xlsx";

export type TSniffedFile = { kind: TFileKind; mimeType: string; extensions: readonly string[] };

export const FILE_KINDS: Readonly<Record<TFileKind, TSniffedFile>> = Object.freeze({
  pdf: { kind: "pdf", mimeType: "application/pdf", extensions: ["pdf"] },
  png: { kind: "png", mimeType: "image/png", extensions: ["png"] },
  jpeg: { kind: "jpeg", mimeType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  xlsx: { kind: "xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
});

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export function sniffFileType(bytes: Uint8Array): TSniffedFile | null {
  if (startsWith(bytes, PDF)) return FILE_KINDS.pdf;
  if (startsWith(bytes, PNG)) return FILE_KINDS.png;
  if (startsWith(bytes, JPEG)) return FILE_KINDS.jpeg;
  if (startsWith(bytes, ZIP_LOCAL)) {
    const names = zipEntryNames(bytes);
    if (names && isXlsx(names)) return FILE_KINDS.xlsx;
  }
  return null;
}

function isXlsx(names: readonly string[]): boolean {
  return names.includes("[Content_Types].xml") && names.some((n) => n.startsWith("xl/")) && !names.includes("xl/vbaProject.bin");
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const MAX_ENTRIES = 10_000;

/**
 * The entry names listed in a ZIP's central directory, or null when the directory is
 * missing, truncated, ZIP64 or otherwise not what a plain ZIP looks like.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // 0xFFFF / 0xFFFFFFFF mean ZIP64: far beyond our size limit, so not a file we take.
  if (entries === 0xffff || offset === 0xffffffff || entries > MAX_ENTRIES) return null;
  if (offset + size > eocd) return null;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const end = at + 46 + nameLength;
    if (end > eocd) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, end)));
    at = end + extraLength + commentLength;
  }
  return names;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}
