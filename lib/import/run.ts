/**
 * What both imports share: the progress they report, their result, reading the file and
 * checking rows in slices so a caller streaming the progress gets to send it.
 */
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import type { TFileError, TRowError } from "./rules";
import { hasControlCharacters } from "@/lib/validation/fields";
import { readSheet, SheetError, type TSheet, type TSheetRow } from "./sheet";

export type TImportKind = "enterprises" | "contacts";

/**
 * reading     the file is being read (no count yet);
 * validating  `done` of `total` rows checked;
 * checking    looking for values already in the database;
 * inserting   `done` of `total` rows written (inside the one transaction: a failure
 *             rolls back all of them);
 * The result follows the last progress report.
 */
export type TImportPhase = "reading" | "validating" | "checking" | "inserting";
export type TImportProgress = { phase: TImportPhase; done: number; total: number };

export type TImportResult =
  { ok: true; inserted: number; rows: number } | { ok: false; rows: number; fileError: TFileError | null; errors: TRowError[] };

export type TImportFile = { name: string; bytes: Uint8Array };

export type TImportOptions = {
  meta: TRequestMeta;
  onProgress?: (progress: TImportProgress) => void;
  now?: Date;
};

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const VALIDATE_SLICE = 1000;
export const INSERT_SLICE = 2000;

/** Lets the event loop send the progress written so far. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reports "reading" and reads the file into a sheet with its row count; a file refused
 * whole (empty, too large, unreadable, control characters) is the import's result as is.
 */
export async function openImportFile(
  file: TImportFile,
  onProgress?: (progress: TImportProgress) => void,
): Promise<{ sheet: TSheet; rows: number } | { refused: TImportResult }> {
  onProgress?.({ phase: "reading", done: 0, total: 0 });
  const read = await readImportFile(file);
  if ("fileError" in read) return { refused: { ok: false, rows: 0, fileError: read.fileError, errors: [] } };
  return { sheet: read.sheet, rows: read.sheet.rows.length };
}

async function readImportFile(file: TImportFile): Promise<{ sheet: TSheet } | { fileError: TFileError }> {
  if (file.bytes.byteLength === 0) return { fileError: { code: "empty" } };
  if (file.bytes.byteLength > MAX_FILE_BYTES) return { fileError: { code: "tooLarge", params: { maxMb: MAX_FILE_BYTES / 1024 / 1024 } } };
  try {
    const sheet = await readSheet(file.name, file.bytes);
    const unsafe = firstControlCharacterCell(sheet);
    return unsafe ? { fileError: { code: "badCharacters", params: unsafe } } : { sheet };
  } catch (error) {
    if (error instanceof SheetError) return { fileError: { code: error.code } };
    throw error;
  }
}

/**
 * The first cell (file row number, header text) holding a control character: PostgreSQL
 * refuses NUL in text, and no person types the others, so such a file is refused whole.
 */
function firstControlCharacterCell(sheet: TSheet): { row: number; column: string } | null {
  const column = (i: number) => sheet.header[i] || `#${i + 1}`;
  const headerCell = sheet.header.findIndex(hasControlCharacters);
  if (headerCell >= 0) return { row: 1, column: column(headerCell) };
  for (const row of sheet.rows) {
    const i = row.cells.findIndex(hasControlCharacters);
    if (i >= 0) return { row: row.rowNumber, column: column(i) };
  }
  return null;
}

/** Runs `check` over every row in slices, reporting progress between slices. */
export async function checkRows<D>(
  rows: readonly TSheetRow[],
  check: (row: TSheetRow) => { draft: D | null; errors: TRowError[] },
  onProgress?: (progress: TImportProgress) => void,
): Promise<{ drafts: D[]; errors: TRowError[] }> {
  const drafts: D[] = [];
  const errors: TRowError[] = [];
  for (let start = 0; start < rows.length; start += VALIDATE_SLICE) {
    const end = Math.min(rows.length, start + VALIDATE_SLICE);
    for (let i = start; i < end; i++) {
      const result = check(rows[i]!);
      if (result.draft) drafts.push(result.draft);
      for (const e of result.errors) errors.push(e);
    }
    onProgress?.({ phase: "validating", done: end, total: rows.length });
    await breathe();
  }
  return { drafts, errors };
}

export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as {
    code?: unknown;
    meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
    message?: unknown;
  };
  if (e.code === "P2002") return true;
  if (e.meta?.code === "23505") return true;
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation") return true;
  return typeof e.message === "string" && /23505|unique constraint/i.test(e.message);
}

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
