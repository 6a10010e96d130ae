/**
 * CSV files as Chinese offices produce them: UTF-8 with or without a byte-order mark
 * (WPS, Excel "CSV UTF-8"), UTF-16 with a mark (Excel "Unicode text"), or GB18030/GBK
 * (Excel's plain "CSV" on a Chinese Windows). Decoding: a byte-order mark decides;
 * otherwise strict UTF-8, and when that fails GB18030 (a superset of GBK and GB2312).
 * The fallback costs one failed decode: nothing is guessed from statistics.
 *
 * Parsing follows RFC 4180: quoted fields may hold the delimiter, quotes ("") and line
 * breaks; CRLF, LF and CR all end a record. The delimiter is a comma, or a tab when the
 * first line has tabs and no comma. Record numbers are what Excel shows on opening the
 * file (a line break inside quotes does not start a new record).
 *
 * Pure: no I/O.
 */

export type TTextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export function decodeText(bytes: Uint8Array): { text: string; encoding: TTextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

export type TCsvRecord = { rowNumber: number; cells: string[] };

function detectDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const first = end === -1 ? text : text.slice(0, end);
  return first.includes("\t") && !first.includes(",") ? "\t" : ",";
}

/** All records, numbered from 1; blank lines keep their number but are not returned. */
export function parseCsv(text: string): TCsvRecord[] {
  const delimiter = detectDelimiter(text);
  const records: TCsvRecord[] = [];
  let cells: string[] = [];
  let field = "";
  let inQuotes = false;
  let rowNumber = 1;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    cells.push(field);
    if (cells.length > 1 || cells[0] !== "") records.push({ rowNumber, cells });
    cells = [];
    field = "";
    rowNumber++;
  };
  while (i < n) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      inQuotes = true;
      i++;
    } else if (ch === delimiter) {
      cells.push(field);
      field = "";
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || cells.length > 0) endRecord();
  return records;
}
