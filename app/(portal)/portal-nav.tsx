"use client";

import { useState } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";

type TItem = { key: string; href: string; label: string };

// The main navigation. On a phone (below sm) the list folds behind a 菜单 button so the
// header does not push the page down by a screen; from sm up it is always shown.
export function PortalNav({ items, label, menuLabel }: { items: TItem[]; label: string; menuLabel: string }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <nav aria-label={label} className="mx-auto max-w-6xl px-4 sm:px-8">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="portal-nav-list"
        onClick={() => setOpen((o) => !o)}
        className="my-2 inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 sm:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M4 7h16M4 12h16M4 17h16" strokeLinecap="round" />
        </svg>
        {menuLabel}
      </button>
      <ul id="portal-nav-list" className={`${open ? "grid" : "hidden"} grid-cols-2 gap-x-4 pb-2 text-sm sm:flex sm:flex-wrap sm:pb-0`}>
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={item === current ? "page" : undefined}
              onClick={() => setOpen(false)}
              className="inline-block border-b-2 border-transparent py-2 text-slate-700 hover:border-brand-600 aria-[current=page]:border-brand-600 aria-[current=page]:font-medium aria-[current=page]:text-brand-900"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
