import { readXlsxRecords, XlsxReadError } from "@/lib/spreadsheet/read-xlsx";
import { decodeText, parseCsv, type TCsvRecord, type TTextEncoding } from "./csv";

/**
 * An uploaded .xlsx or .csv file as rows of text cells. The header is row 1 of the file
 * (the first worksheet for .xlsx); row numbers are those of the file, so an error can
 * say "第 7 行" and the user finds it where Excel shows it. Blank rows are left out.
 * No database, no framework: an .xlsx is read in a worker thread (lib/spreadsheet/read-xlsx.ts).
 */

export type TSheetRow = { rowNumber: number; cells: string[] };
export type TSheet = { header: string[]; rows: TSheetRow[]; format: "xlsx" | "csv"; encoding?: TTextEncoding };

export class SheetError extends Error {
  constructor(readonly code: "unsupportedType" | "unreadable" | "empty" | "unpackedTooLarge") {
    super(code);
    this.name = "SheetError";
  }
}

export function fileFormatOf(fileName: string, bytes: Uint8Array): "xlsx" | "csv" | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".xlsx")) return "xlsx";
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  // No usable extension: a ZIP signature is an .xlsx.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "xlsx";
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<TCsvRecord[]> {
  try {
    return await readXlsxRecords(bytes);
  } catch (error) {
    if (error instanceof XlsxReadError) throw new SheetError(error.code);
    throw error;
  }
}

export async function readSheet(fileName: string, bytes: Uint8Array): Promise<TSheet> {
  const format = fileFormatOf(fileName, bytes);
  if (!format) throw new SheetError("unsupportedType");
  let records: TCsvRecord[];
  let encoding: TTextEncoding | undefined;
  if (format === "xlsx") records = await readXlsx(bytes);
  else {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    records = parseCsv(decoded.text);
  }
  const trimmed = records
    .map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ""));
  const first = trimmed[0];
  // The header must be row 1 of the file: a file whose first row is blank is refused
  // rather than guessed at, so row numbers in the report always mean the same thing.
  if (!first || first.rowNumber !== 1) throw new SheetError("empty");
  return { header: first.cells, rows: trimmed.slice(1), format, ...(encoding ? { encoding } : {}) };
}
