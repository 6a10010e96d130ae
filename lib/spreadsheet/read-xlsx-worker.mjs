/**
 * Runs in a worker thread (lib/spreadsheet/read-xlsx.ts starts it): reads the first
 * worksheet of an .xlsx into rows of text cells. Parsing a large workbook takes seconds of
 * CPU; on the request's thread it would hold up every other request of the server.
 *
 * Plain JavaScript on purpose: a worker file is loaded by Node at run time, unbundled and
 * untranspiled, the same way under `next dev`, `next start` and the tests.
 *
 * Input (workerData): { bytes: Uint8Array, entries: TZipEntry[], maxUnpackedBytes }.
 * The caller has already checked the sizes the ZIP declares; they can lie, so every entry
 * is inflated here first with a budget of the bytes still allowed, and zlib stops at the
 * budget instead of filling memory. Only then does exceljs read the file.
 * Output (one message): { ok: true, records } or { ok: false, code }, code one of
 * "unpackedTooLarge", "unreadable", "empty".
 */
import { parentPort, workerData } from "node:worker_threads";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";

const LOCAL_SIGNATURE = 0x04034b50;

class Refusal extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

/** Inflates every entry within the budget; throws Refusal when it is exceeded or the ZIP is broken. */
function checkUnpackedSize(bytes, entries, maxUnpackedBytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let remaining = maxUnpackedBytes;
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw new Refusal("unreadable");
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.byteLength) throw new Refusal("unreadable");
    let size;
    if (entry.method === 0) size = entry.compressedSize;
    else if (entry.method === 8) {
      try {
        // One byte over the budget is enough to know it is too much.
        size = inflateRawSync(bytes.subarray(start, end), { maxOutputLength: remaining + 1 }).byteLength;
      } catch (error) {
        throw new Refusal(error && error.code === "ERR_BUFFER_TOO_LARGE" ? "unpackedTooLarge" : "unreadable");
      }
    } else throw new Refusal("unreadable");
    if (size > remaining) throw new Refusal("unpackedTooLarge");
    remaining -= size;
  }
}

const pad = (n) => String(n).padStart(2, "0");

/** Excel stores dates as serial days; exceljs gives a Date at UTC midnight of that day. */
function dateText(d) {
  if (Number.isNaN(d.getTime())) return "";
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const hasTime = d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0;
  return hasTime ? `${base} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : base;
}

function numberText(n) {
  // Long digit strings typed into a number cell (a mobile number) must not turn into 1.38E+10.
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
}

/** The text a user sees in a cell, whatever exceljs made of it. */
function cellText(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = value.result;
      return result === undefined || result === null || (typeof result === "object" && !(result instanceof Date)) ? "" : cellText(result);
    }
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("hyperlink" in value && typeof value.hyperlink === "string") return value.hyperlink;
    if ("error" in value) return "";
  }
  return String(value);
}

async function readRecords(bytes) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new Refusal("unreadable");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Refusal("empty");
  const records = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values; // 1-based: values[0] is empty
    const cells = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] ?? null));
    records.push({ rowNumber, cells });
  });
  return records;
}

const { bytes, entries, maxUnpackedBytes } = workerData;
try {
  checkUnpackedSize(bytes, entries, maxUnpackedBytes);
  parentPort.postMessage({ ok: true, records: await readRecords(bytes) });
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  parentPort.postMessage({ ok: false, code: error.code });
}
