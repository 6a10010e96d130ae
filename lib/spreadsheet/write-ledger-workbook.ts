import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { workbookCell, type TLedgerColumn } from "./ledger-columns";

/** One sheet of a ledger file: its columns and its rows, given in batches (an async source reads them page by page). */
export type TLedgerSheet<T> = {
  name: string;
  columns: TLedgerColumn<T>[];
  rows: AsyncIterable<readonly T[]> | Iterable<readonly T[]>;
};

// Cells that a spreadsheet would run as a formula are written as text (Excel injection).
const safe = (v: string | number | null) => (typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** A sheet of the workbook, typed by its rows (so several sheets of different rows go in one list). */
export function ledgerSheet<T>(sheet: TLedgerSheet<T>): TLedgerSheet<unknown> {
  return sheet as TLedgerSheet<unknown>;
}

/**
 * The official ledgers (问题清单, 解决台账) as .xlsx, written with ExcelJS's streaming
 * writer: each row is committed (serialized and compressed) as soon as it is added, so a
 * list of many thousands of items costs the compressed file in memory, not a workbook
 * model of every cell. Each sheet has a bold header row that stays in view.
 */
export async function writeLedgerWorkbook(sheets: readonly TLedgerSheet<unknown>[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "融桥 RongQiao";
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for await (const batch of sheet.rows) {
      for (const row of batch) ws.addRow(sheet.columns.map((c) => safe(workbookCell(c.value(row))))).commit();
    }
    ws.commit();
  }
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
