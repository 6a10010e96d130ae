import Link from "next/link";
import { getTranslations } from "next-intl/server";

const ENTRIES = [
  { key: "products", href: "/products" },
  { key: "directory", href: "/directory" },
  { key: "documents", href: "/documents" },
  { key: "register", href: "/register" },
] as const;

/** Links to the portal's other sections; the whole card is the link, named by its title. */
export async function ServiceEntries() {
  const t = await getTranslations("portal.entries");
  return (
    <section aria-labelledby="entries-heading" className="space-y-4">
      <h2 id="entries-heading" className="text-xl font-semibold sm:text-2xl">
        {t("heading")}
      </h2>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {ENTRIES.map((entry) => (
          <li key={entry.key}>
            <Link
              href={entry.href}
              aria-describedby={`entry-${entry.key}`}
              className="group block h-full rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600"
            >
              <span className="font-semibold text-brand-700 underline-offset-4 group-hover:underline">{t(`${entry.key}.title`)}</span>
              <span id={`entry-${entry.key}`} aria-hidden="true" className="mt-1 block text-slate-700">
                {t(`${entry.key}.body`)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
