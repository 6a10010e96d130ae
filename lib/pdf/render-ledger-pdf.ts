import PDFDocument from "pdfkit";
import { pdfCell, type TLedgerColumn } from "@/lib/spreadsheet/ledger-columns";
import { tableWriter } from "./draw-table";

/** One table of a ledger PDF: a heading, the columns and the rows in batches. */
export type TLedgerPdfSection<T> = {
  heading: string;
  columns: TLedgerColumn<T>[];
  rows: AsyncIterable<readonly T[]> | Iterable<readonly T[]>;
  /** Shown instead of the table's rows when there are none. */
  emptyText: string;
};

export type TLedgerPdf = {
  /** A .ttf/.otf/.ttc file with CJK glyphs (lib/server/env.ts bulletinFont()). */
  fontPath: string;
  /** The face inside a collection (.ttc), e.g. "NotoSansCJKsc-Regular". */
  fontName?: string;
  title: string;
  /** Lines under the title: who, which period, when the file was made. */
  lines: string[];
  sections: TLedgerPdfSection<unknown>[];
  /** Lines after the tables; a function is called once the rows have been drawn (a count of them). */
  footer?: string[] | (() => string[]);
  author: string;
  createdAt: Date;
  /** Text size of the tables' cells. */
  size?: number;
};

const MARGIN = 36;

/** A section typed by its rows (so sections of different rows go in one list). */
export function ledgerPdfSection<T>(section: TLedgerPdfSection<T>): TLedgerPdfSection<unknown> {
  return section as TLedgerPdfSection<unknown>;
}

/**
 * An official ledger (问题清单, 解决台账) as a landscape A4 PDF with the Chinese font
 * EMBEDDED (a subset, as the ranking bulletin), so it prints the same on any office
 * computer. Rows are drawn as their batches arrive; pdfkit writes finished pages out, so
 * memory holds the compressed file, not every row.
 */
export async function renderLedgerPdf(pdf: TLedgerPdf): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: MARGIN,
    compress: true,
    info: { Title: pdf.title, Author: pdf.author, Creator: "融桥 RongQiao", CreationDate: pdf.createdAt, ModDate: pdf.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.registerFont("cjk", pdf.fontPath, pdf.fontName);
  doc.font("cjk");
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const size = pdf.size ?? 7.5;

  doc.fillColor("#0f172a").fontSize(16).text(pdf.title, { align: "center" });
  doc.moveDown(0.4);
  doc.fontSize(9).fillColor("#334155");
  for (const line of pdf.lines) doc.text(line);

  for (const section of pdf.sections) {
    doc.moveDown(0.8);
    doc.fillColor("#0f172a").fontSize(12).text(section.heading);
    doc.moveDown(0.3);
    const weight = (c: TLedgerColumn<unknown>) => c.pdfWidth ?? c.width * 3;
    const units = section.columns.reduce((sum, c) => sum + weight(c), 0);
    const row = tableWriter(
      doc,
      section.columns.map((c) => ({ header: c.header, width: (weight(c) / units) * width, align: c.align })),
      size,
      "landscape",
      MARGIN,
    );
    let any = false;
    for await (const batch of section.rows) {
      for (const r of batch) {
        any = true;
        row(section.columns.map((c) => pdfCell(c.value(r))));
      }
    }
    if (!any) {
      doc.moveDown(0.3);
      doc.fontSize(9).fillColor("#334155").text(section.emptyText);
    }
  }

  const footer = typeof pdf.footer === "function" ? pdf.footer() : (pdf.footer ?? []);
  if (footer.length > 0) {
    doc.moveDown(1);
    doc.fontSize(8.5).fillColor("#334155");
    for (const line of footer) doc.text(line);
  }

  doc.end();
  return done;
}
