import ExcelJS from "exceljs";
import { decodeText, parseCsv, type TCsvRecord, type TTextEncoding } from "./csv";

/**
 * An uploaded .xlsx or .csv file as rows of text cells. The header is row 1 of the file
 * (the first worksheet for .xlsx); row numbers are those of the file, so an error can
 * say "第 7 行" and the user finds it where Excel shows it. Blank rows are left out.
 * No database, no framework: exceljs only reads the buffer.
 */

export type TSheetRow = { rowNumber: number; cells: string[] };
export type TSheet = { header: string[]; rows: TSheetRow[]; format: "xlsx" | "csv"; encoding?: TTextEncoding };

export class SheetError extends Error {
  constructor(readonly code: "unsupportedType" | "unreadable" | "empty") {
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

const pad = (n: number) => String(n).padStart(2, "0");

/** Excel stores dates as serial days; exceljs gives a Date at UTC midnight of that day. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const hasTime = d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0;
  return hasTime ? `${base} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : base;
}

function numberText(n: number): string {
  // Long digit strings typed into a number cell (a mobile number) must not turn into 1.38E+10.
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      return result === undefined || result === null || (typeof result === "object" && !(result instanceof Date))
        ? ""
        : cellText(result as ExcelJS.CellValue);
    }
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("hyperlink" in value && typeof value.hyperlink === "string") return value.hyperlink;
    if ("error" in value) return "";
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<TCsvRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new SheetError("unreadable");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError("empty");
  const records: TCsvRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based: values[0] is empty
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] ?? null));
    records.push({ rowNumber, cells });
  });
  return records;
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
