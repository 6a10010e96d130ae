import Link from "next/link";

export type TLinkTab = { key: string; label: React.ReactNode; href: string };

/**
 * Views of one page as tabs that are links (each view has its own URL, so it can be
 * bookmarked and the back button works); the current one is marked for screen readers.
 */
export function LinkTabs({ label, tabs, current }: { label: string; tabs: readonly TLinkTab[]; current: string }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2 border-b border-slate-200">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
              data-testid={`tab-${tab.key}`}
              className={`inline-block border-b-2 px-3 py-2 text-sm ${tab.key === current ? "border-brand-600 font-medium text-brand-900" : "border-transparent text-slate-700 hover:border-slate-400"}`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
