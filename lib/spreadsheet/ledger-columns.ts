import { formatWanYuan } from "@/lib/i18n/format";

/** A cell of an official ledger: text, a whole number, or an amount in 万元 (from integer fen). */
export type TLedgerCell = string | number | { wanYuanFen: string } | null;

/** One column of a ledger file, declared once for its workbook and its PDF. */
export type TLedgerColumn<T> = {
  header: string;
  /** Width in the workbook (characters). */
  width: number;
  /** The PDF's share of the page width (points at A4 landscape, scaled to fit); default: `width` × 3. */
  pdfWidth?: number;
  value: (row: T) => TLedgerCell;
  align?: "left" | "right" | "center";
};

/** A cell for the workbook: an amount becomes its two-decimal number of 万元 (rounded in integers first). */
export function workbookCell(cell: TLedgerCell): string | number | null {
  if (cell !== null && typeof cell === "object") return Number(formatWanYuan(cell.wanYuanFen, "en").replace(/,/g, ""));
  return cell;
}

/** A cell for the PDF: always text. */
export function pdfCell(cell: TLedgerCell, empty = "—"): string {
  if (cell === null || cell === "") return empty;
  if (typeof cell === "object") return formatWanYuan(cell.wanYuanFen);
  return String(cell);
}
