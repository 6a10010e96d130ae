import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { canActor, type TPermission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/server/auth/current-user";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

const LISTS: { key: "enterprises" | "banks" | "parks" | "guarantors"; permission: TPermission }[] = [
  { key: "enterprises", permission: "enterprises.read" },
  { key: "banks", permission: "contacts.read" },
  { key: "parks", permission: "contacts.read" },
  { key: "guarantors", permission: "contacts.read" },
];

// The registries a role may open (each list checks its own permission again).
export default async function RegistryIndexPage() {
  const user = await requireUser();
  const t = await getTranslations("registry");
  const lists = LISTS.filter((l) => canActor(user, l.permission));
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={t("intro")} />
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {lists.map((l) => (
          <li key={l.key}>
            <Link
              href={`/registry/${l.key}`}
              className="block h-full rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <h2 className="text-lg font-medium text-brand-900">{t(`index.${l.key}`)}</h2>
              <p className="mt-1 text-sm text-slate-600">{t(`index.${l.key}Body`)}</p>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
