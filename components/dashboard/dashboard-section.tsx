import type { ReactNode } from "react";

// One block of a dashboard: an h2 that names it (headings stay in order under the page's
// h1) and, optionally, a link to the page the block summarises.
export function DashboardSection({ id, title, action, children }: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-medium">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}
