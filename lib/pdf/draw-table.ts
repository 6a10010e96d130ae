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
  // Laying text out in a width (pdfkit's line wrapper, glyph by glyph for Chinese) is the
  // cost of a long table; most cells hold one short line, so those are measured once and
  // drawn without the wrapper, and only the others are wrapped.
  const oneLine = doc.fontSize(size).heightOfString("国");
  const widthsOf = (cells: string[]) =>
    cells.map((text, i) => (text.includes("\n") ? Infinity : doc.fontSize(size).widthOfString(text)) / (columns[i]!.width - 2 * PAD));
  const heightOf = (cells: string[], fill: number[]) =>
    Math.max(
      ...cells.map((text, i) =>
        fill[i]! <= 1 ? oneLine : doc.fontSize(size).heightOfString(text, { width: columns[i]!.width - 2 * PAD }),
      ),
    ) +
    2 * PAD;
  const drawRow = (cells: string[], fill?: string, isHeader = false) => {
    const fills = widthsOf(cells);
    const h = heightOf(cells, fills);
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
      const align = isHeader ? "center" : (col.align ?? "left");
      const inner = col.width - 2 * PAD;
      doc.lineWidth(0.5).strokeColor("#94a3b8").rect(x, y, col.width, h).stroke();
      doc.fillColor("#0f172a").fontSize(size);
      if (fills[i]! <= 1) {
        const slack = inner - fills[i]! * inner;
        const dx = align === "right" ? slack : align === "center" ? slack / 2 : 0;
        doc.text(text, x + PAD + dx, y + PAD, { lineBreak: false });
      } else {
        doc.text(text, x + PAD, y + PAD, { width: inner, align });
      }
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
