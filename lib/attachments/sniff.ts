/**
 * What an uploaded file really is, judged by its bytes, never by its name or the type the
 * browser claims: a renamed .exe stays an .exe. Only four kinds are accepted — PDF, PNG,
 * JPEG and XLSX — everything else (including an empty file) is null.
 *
 * XLSX is a ZIP: we read the ZIP's central directory (no dependency, no decompression)
 * and require the entries "[Content_Types].xml" and at least one under "xl/". A
 * macro-enabled workbook (xl/vbaProject.bin) is refused: we accept data, not code.
 */

import { readZipDirectory } from "@/lib/spreadsheet/zip-directory";

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

/** The entry names listed in a ZIP's central directory, or null when it is not a plain ZIP. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  return readZipDirectory(bytes)?.map((e) => e.name) ?? null;
}
