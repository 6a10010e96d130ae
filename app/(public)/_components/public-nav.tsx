"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type TPublicNavItem = { href: string; label: string };

/** The portal's main links; marks the section the visitor is in (aria-current). */
export function PublicNav({ label, items }: { label: string; items: TPublicNavItem[] }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={label} className="-mx-1 overflow-x-auto">
      <ul className="flex gap-1 whitespace-nowrap text-base">
        {items.map((item) => {
          const current = isCurrent(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-md px-3 py-2 underline-offset-4 hover:bg-brand-50 hover:underline ${
                  current ? "font-semibold text-brand-900 underline decoration-2" : "text-slate-700"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
