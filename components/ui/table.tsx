import type { ReactNode } from "react";

// A list table: a caption for screen readers, a header row, then the page's own rows.
// On a narrow screen the table scrolls inside its box; the box is a named, focusable
// region so a keyboard user can scroll it too (axe "scrollable-region-focusable").
// Columns from `numericFrom` on are right-aligned (amounts, counts).
export function Table({ caption, head, children, numericFrom }: { caption: string; head: string[]; children: ReactNode; numericFrom?: number }) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      // relative: the screen-reader caption is absolutely positioned; without a positioned
      // box here it escapes the scroll box and widens the whole page on a phone.
      className="relative overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={`px-3 py-2 font-medium whitespace-nowrap ${numericFrom !== undefined && i >= numericFrom ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
