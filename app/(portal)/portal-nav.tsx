"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";

type TItem = { key: string; href: string; label: string };
export type TPortalNavEntry = { kind: "link"; item: TItem } | { kind: "group"; key: string; label: string; items: TItem[] };

const linkClass =
  "inline-block border-b-2 border-transparent py-2 text-slate-700 hover:border-brand-600 aria-[current=page]:border-brand-600 aria-[current=page]:font-medium aria-[current=page]:text-brand-900";

// The main navigation. On a phone (below sm) the list folds behind a 菜单 button so the
// header does not push the page down by a screen, and each group is a titled section of
// it; from sm up the list is one row, each group a disclosure button with its links
// below (the ARIA disclosure pattern: a plain button and a list, which Enter, Space, Tab
// and Escape operate; not a role="menu", whose arrow-key contract a link list does not need).
export function PortalNav({ entries, label, menuLabel }: { entries: TPortalNavEntry[]; label: string; menuLabel: string }) {
  const [open, setOpen] = useState(false);
  const [openGroup, setOpenGroup] = useState<string | null>(null);
  const navRef = useRef<HTMLElement>(null);
  const pathname = usePathname();
  const items = entries.flatMap((e) => (e.kind === "link" ? [e.item] : e.items));
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];

  // A dropdown closes when the pointer goes down anywhere outside the navigation.
  useEffect(() => {
    if (!openGroup) return;
    const close = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpenGroup(null);
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [openGroup]);

  const followed = () => {
    setOpen(false);
    setOpenGroup(null);
  };

  return (
    <nav ref={navRef} aria-label={label} className="mx-auto max-w-6xl px-4 sm:px-8">
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
      <ul
        id="portal-nav-list"
        data-testid="portal-nav-list"
        className={`${open ? "grid" : "hidden"} grid-cols-2 gap-x-4 pb-2 text-sm sm:flex sm:flex-wrap sm:gap-x-5 sm:pb-0`}
      >
        {entries.map((entry) =>
          entry.kind === "link" ? (
            <li key={entry.item.key}>
              <Link
                href={entry.item.href}
                aria-current={entry.item === current ? "page" : undefined}
                onClick={followed}
                className={linkClass}
              >
                {entry.item.label}
              </Link>
            </li>
          ) : (
            <NavGroup
              key={entry.key}
              entry={entry}
              current={current}
              expanded={openGroup === entry.key}
              onToggle={(expand) => setOpenGroup(expand ? entry.key : null)}
              onFollow={followed}
            />
          ),
        )}
      </ul>
    </nav>
  );
}

type TGroupProps = {
  entry: Extract<TPortalNavEntry, { kind: "group" }>;
  current: TItem | undefined;
  expanded: boolean;
  onToggle: (expand: boolean) => void;
  onFollow: () => void;
};

function NavGroup({ entry, current, expanded, onToggle, onFollow }: TGroupProps) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = `portal-nav-group-${entry.key}`;
  const holdsCurrent = entry.items.some((i) => i === current);
  // Escape closes the dropdown and gives focus back to its button; focus moving on past
  // the group's last link closes it too, so a keyboard user never leaves one hanging open.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && expanded) {
      event.preventDefault();
      onToggle(false);
      buttonRef.current?.focus();
    }
  };
  return (
    <li
      className="col-span-2 mt-1 sm:relative sm:col-span-1 sm:mt-0"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (expanded && !event.currentTarget.contains(event.relatedTarget as Node | null)) onToggle(false);
      }}
    >
      <span className="block pt-1 text-xs font-medium text-slate-500 sm:hidden" aria-hidden="true">
        {entry.label}
      </span>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={expanded}
        aria-controls={listId}
        data-current={holdsCurrent || undefined}
        onClick={() => onToggle(!expanded)}
        className="hidden items-center gap-1 border-b-2 border-transparent py-2 text-slate-700 hover:border-brand-600 data-[current]:border-brand-600 data-[current]:font-medium data-[current]:text-brand-900 sm:inline-flex"
      >
        {entry.label}
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className={`h-3.5 w-3.5 transition-transform ${expanded ? "rotate-180" : ""}`}
          fill="currentColor"
        >
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
        </svg>
      </button>
      <ul
        id={listId}
        aria-label={entry.label}
        className={`grid grid-cols-2 gap-x-4 sm:absolute sm:top-full sm:left-0 sm:z-30 sm:min-w-44 sm:gap-0 sm:rounded-md sm:bg-white sm:px-3 sm:py-1 sm:shadow-lg sm:ring-1 sm:ring-slate-200 ${expanded ? "sm:block" : "sm:hidden"}`}
      >
        {entry.items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={item === current ? "page" : undefined}
              onClick={onFollow}
              className={`${linkClass} sm:block sm:whitespace-nowrap`}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}
