import ExcelJS from "exceljs";

export type TColumn<T> = { header: string; width?: number; value: (row: T) => string | number | Date | null };

// Cells that a spreadsheet would run as a formula are written as text (CSV/Excel
// injection): a leading =, +, - or @ gets a quote.
function safe(value: string | number | Date | null): string | number | Date | null {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One worksheet with a bold, frozen header row; returns the .xlsx file. */
export async function buildWorkbook<T>(sheetName: string, columns: TColumn<T>[], rows: Iterable<T>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "融桥 RongQiao";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => safe(c.value(row))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A download response; the file name may be Chinese (RFC 5987 filename*). */
export function xlsxResponse(file: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
