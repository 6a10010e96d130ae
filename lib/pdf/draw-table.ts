// A bordered table drawn row by row with pdfkit: rows wrap their text, a row that does not
// fit starts a new page, which repeats the header. Shared by the ranking bulletin and the
// official ledgers (问题清单, 解决台账), whose rows arrive in batches.

export type TPdfColumn = { header: string; width: number; align?: "left" | "right" | "center" };
export type TPdfDoc = PDFKit.PDFDocument;

const PAD = 3;
export const HEADER_FILL = "#eef2f7";

/** Draws a table's header now and returns the function that draws each following row. */
export function tableWriter(
  doc: TPdfDoc,
  columns: TPdfColumn[],
  size: number,
  layout: "portrait" | "landscape",
  margin = 48,
): (cells: string[], fill?: string) => void {
  const x0 = doc.page.margins.left;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const heightOf = (cells: string[]) =>
    Math.max(...cells.map((text, i) => doc.fontSize(size).heightOfString(text, { width: columns[i]!.width - 2 * PAD }))) + 2 * PAD;
  const drawRow = (cells: string[], fill?: string, isHeader = false) => {
    const h = heightOf(cells);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage({ size: "A4", layout, margin });
      if (!isHeader)
        drawRow(
          columns.map((c) => c.header),
          HEADER_FILL,
          true,
        );
    }
    const y = doc.y;
    if (fill) doc.save().rect(x0, y, total, h).fill(fill).restore();
    let x = x0;
    cells.forEach((text, i) => {
      const col = columns[i]!;
      doc.lineWidth(0.5).strokeColor("#94a3b8").rect(x, y, col.width, h).stroke();
      doc
        .fillColor("#0f172a")
        .fontSize(size)
        .text(text, x + PAD, y + PAD, { width: col.width - 2 * PAD, align: isHeader ? "center" : (col.align ?? "left") });
      x += col.width;
    });
    doc.x = x0;
    doc.y = y + h;
  };
  drawRow(
    columns.map((c) => c.header),
    HEADER_FILL,
    true,
  );
  return (cells, fill) => drawRow(cells, fill);
}

/** A whole table at once. */
export function drawTable(
  doc: TPdfDoc,
  columns: TPdfColumn[],
  rows: Array<{ cells: string[]; fill?: string }>,
  size: number,
  layout: "portrait" | "landscape",
): void {
  const row = tableWriter(doc, columns, size, layout);
  for (const r of rows) row(r.cells, r.fill);
}
