import type { ReactNode } from "react";

// components/ui/table.tsx with one difference: its scroll container is a focusable,
// named region, so a keyboard user can scroll a wide table at 390 px (axe
// "scrollable-region-focusable"). To be folded into components/ui/table.tsx.
export function ScrollTable({ caption, head, children, numericFrom }: { caption: string; head: string[]; children: ReactNode; numericFrom?: number }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600">
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
