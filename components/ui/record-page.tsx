import type { ReactNode } from "react";
import { BackLink } from "./back-link";
import { PageHeader } from "./page-header";

// Literal class names, so the CSS build sees them.
const WIDTH = { "3xl": "max-w-3xl", "4xl": "max-w-4xl" } as const;

/** One record's page: the way back to its list, its title, then its sections. */
export function RecordPage({
  back,
  title,
  width = "4xl",
  children,
}: {
  back: { href: string; label: string };
  title: ReactNode;
  width?: keyof typeof WIDTH;
  children: ReactNode;
}) {
  return (
    <main id="main" className={`mx-auto ${WIDTH[width]} space-y-8 px-4 py-8 sm:px-8`}>
      <BackLink href={back.href} label={back.label} />
      <PageHeader title={title} />
      {children}
    </main>
  );
}
