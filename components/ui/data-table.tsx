import { Fragment, isValidElement, type ReactNode } from "react";

export type TColumn<Row> = {
  /** Stable key of the column (React key; names the column in `footer.cells`). */
  key: string;
  /** The column's header; on a phone card, the label in front of the value. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** Classes for this column's cells (e.g. "whitespace-nowrap", "font-mono"). */
  className?: string;
  /** Amounts and counts: right-aligned in the table, tabular figures everywhere. */
  numeric?: boolean;
  /** The cell that names the row (<th scope="row">); on a phone it is the card's title. */
  rowHeader?: boolean;
  /** Shown on the phone card too (the default); false keeps it to the wide table. */
  onCard?: boolean;
  /** Classes for one cell from its row (e.g. a background shaded by the value). */
  cellClassName?: (row: Row) => string;
  /** A column whose cells say what they are (buttons, "查看 …" links): its header is for screen readers only. */
  headerHidden?: boolean;
};

export type TDataTableProps<Row> = {
  /** Names the table (its <caption>) and its scroll region, for screen readers and tests. */
  caption: string;
  /** Show the caption above the table (otherwise it is for screen readers only). */
  captionVisible?: boolean;
  columns: ReadonlyArray<TColumn<Row> | false | null | undefined>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowTestId?: (row: Row) => string;
  /** A row's background when it stands out (your own bank, an inactive item); white otherwise. */
  rowClassName?: (row: Row) => string;
  /** A totals row under the rows: its label in the row-header column, values by column key. */
  footer?: { label: ReactNode; cells: Partial<Record<string, ReactNode>>; testId?: string };
  testId?: string;
};

/**
 * A list as a table on a wide screen and as a stack of cards on a phone, from one set of
 * column declarations and one DOM (CSS only, so it works in server components and without
 * JavaScript). Below 640 px each row becomes a card: the row-header cell is its title and
 * every other column marked `onCard` is a "label value" line. The elements keep their
 * table roles explicitly: some browsers drop a table's semantics once its display changes,
 * and a screen reader should still hear rows and column headers on a phone.
 */
export function DataTable<Row>({
  caption,
  captionVisible = false,
  columns: declared,
  rows,
  rowKey,
  rowTestId,
  rowClassName,
  footer,
  testId,
}: TDataTableProps<Row>) {
  const columns = declared.filter((c): c is TColumn<Row> => Boolean(c));
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      data-testid={testId}
      // relative: the screen-reader caption is absolutely positioned; without a positioned
      // box here it escapes the scroll box and widens the whole page on a phone. The region
      // is focusable so a keyboard user can scroll a wide table (axe "scrollable-region-focusable").
      className="relative rounded-lg focus-visible:outline-2 focus-visible:outline-brand-600 sm:overflow-x-auto sm:bg-white sm:shadow-sm sm:ring-1 sm:ring-slate-200"
    >
      <table role="table" className="block w-full text-left text-sm sm:table sm:min-w-full">
        <caption className={captionVisible ? "block pb-2 text-left font-medium sm:table-caption sm:px-3 sm:py-2" : "sr-only"}>
          {caption}
        </caption>
        <thead role="rowgroup" className="sr-only bg-slate-50 text-slate-600 sm:not-sr-only">
          <tr role="row">
            {columns.map((c) => (
              <th
                key={c.key}
                role="columnheader"
                scope="col"
                className={`px-3 py-2 font-medium whitespace-nowrap ${c.numeric ? "text-right" : ""}`}
              >
                {c.headerHidden ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block space-y-3 sm:table-row-group sm:space-y-0 sm:divide-y sm:divide-slate-100">
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              role="row"
              data-testid={rowTestId?.(row)}
              className={`data-table-row ${rowClassName?.(row) || "bg-white"}`}
            >
              {columns.map((c) => (
                <Cell key={c.key} column={c} extra={c.cellClassName?.(row)}>
                  {c.cell(row)}
                </Cell>
              ))}
            </tr>
          ))}
        </tbody>
        {footer && (
          <tfoot role="rowgroup" className="mt-3 block sm:table-footer-group">
            <tr
              role="row"
              data-testid={footer.testId}
              className="block space-y-1 rounded-lg bg-slate-50 p-4 font-medium ring-1 ring-slate-200 sm:table-row sm:space-y-0 sm:rounded-none sm:p-0 sm:ring-0"
            >
              {columns.map((c) =>
                c.rowHeader ? (
                  <Cell key={c.key} column={c}>
                    {footer.label}
                  </Cell>
                ) : (
                  <Cell key={c.key} column={c} empty={footer.cells[c.key] === undefined}>
                    {footer.cells[c.key]}
                  </Cell>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

type TCellProps<Row> = { column: TColumn<Row>; empty?: boolean; extra?: string; children: ReactNode };

function Cell<Row>({ column: c, empty = false, extra = "", children }: TCellProps<Row>) {
  const align = c.numeric ? "tabular-nums sm:text-right" : "";
  if (c.rowHeader) {
    // The row and cell classes are in app/globals.css; a column's own weight or alignment
    // overrides them there.
    return (
      <th role="rowheader" scope="row" className={`data-table-row-header ${align} ${c.className ?? ""} ${extra}`}>
        {children}
      </th>
    );
  }
  // On the card each value follows its column's name, drawn by CSS from data-label: the
  // name stays out of the cell's text (what tests and copy-paste read), and screen readers
  // have the column header, which stays in the table for them.
  const shown = c.onCard === false || empty ? "data-table-cell-wide-only" : "data-table-cell";
  const labelled = c.header && !c.headerHidden;
  const label = labelled ? c.header : undefined;
  // A value of one piece (a text, a number, one element) is the card line's second flex
  // item by itself; several pieces, or a column that caps its width (which a table cell
  // would ignore), get a box. A list page has hundreds of cells, each paid for in the
  // HTML and again in the React payload, so the box is not added where it does nothing.
  if (!isOnePiece(children) || /\bmax-w-/.test(c.className ?? "")) {
    return (
      <td role="cell" data-label={label} className={extra ? `${shown} ${extra}` : shown}>
        <div className={`min-w-0 ${align} ${c.className ?? ""}`}>{children}</div>
      </td>
    );
  }
  return (
    <td role="cell" data-label={label} className={[shown, align, c.className, extra].filter(Boolean).join(" ")}>
      {children}
    </td>
  );
}

function isOnePiece(node: ReactNode): boolean {
  if (typeof node === "string" || typeof node === "number") return true;
  return isValidElement(node) && node.type !== Fragment;
}
