import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/server/auth/current-user";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

// /import: the imports this role may run (enterprises and/or bank contacts).
export default async function ImportPage() {
  const user = await requireUser();
  const kinds = (["enterprises", "contacts"] as const).filter((k) =>
    can(user.role, k === "enterprises" ? "enterprises.import" : "contacts.import"),
  );
  if (kinds.length === 0) redirect("/");
  if (kinds.length === 1) redirect(`/import/${kinds[0]}`);
  const t = await getTranslations("import");
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={t("intro")} />
      <h2 className="text-lg font-medium">{t("choose")}</h2>
      <ul className="grid gap-4 sm:grid-cols-2">
        {kinds.map((k) => (
          <li key={k} className="flex flex-col justify-between gap-3 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <div>
              <h3 className="font-medium">{t(`${k}.title`)}</h3>
              <p className="mt-1 text-sm text-slate-600">{t(`${k}.card`)}</p>
            </div>
            <Link href={`/import/${k}`} className="self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              {t("open")}
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
