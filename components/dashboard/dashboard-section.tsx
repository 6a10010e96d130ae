import Link from "next/link";
import type { ReactNode } from "react";

/**
 * One block of a dashboard: an h2 that names it (headings stay in order under the page's
 * h1) and, optionally, a link to the page the block summarises (`more`), or another
 * `action` in its place.
 */
export function DashboardSection({
  id,
  title,
  more,
  action,
  children,
}: {
  id: string;
  title: string;
  more?: { href: string; label: string };
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-medium">
          {title}
        </h2>
        {more ? (
          <Link href={more.href} className="text-brand-700 underline underline-offset-2">
            {more.label}
          </Link>
        ) : (
          action
        )}
      </div>
      {children}
    </section>
  );
}
