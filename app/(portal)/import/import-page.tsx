import { getTranslations } from "next-intl/server";
import type { TImportKind } from "@/lib/import/run";
import { ImportPanel } from "./import-panel";
import { PageHeader } from "@/components/ui/page-header";

// The page of one import: what it does, the template, the upload with its progress.
export async function ImportPage({ kind, note }: { kind: TImportKind; note?: string }) {
  const t = await getTranslations("import");
  const fileHref = `/import/${kind}/file`;
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-8">
      <div className="space-y-2">
        <PageHeader title={t(`${kind}.title`)} intro={t("intro")} />
        <p className="text-slate-700">{t(`${kind}.intro`)}</p>
        {note && <p className="font-medium text-slate-800">{note}</p>}
      </div>
      <section className="space-y-2 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <a
          href={fileHref}
          download
          className="inline-block rounded-md border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50"
        >
          {t("template.download")}
        </a>
        <p className="text-sm text-slate-600">{t("template.hint")}</p>
      </section>
      <ImportPanel uploadHref={fileHref} />
    </main>
  );
}
