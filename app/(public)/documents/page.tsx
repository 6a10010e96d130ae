import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PROGRAM_DOCUMENTS } from "@/lib/portal/documents";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { db } from "@/lib/server/db";
import { PublicFrame } from "../_components/public-frame";

// Public: the program documents, as summaries that cite their source. The current
// program comes from the database; the related documents from lib/portal/documents.ts.
export const dynamic = "force-dynamic";

export default async function DocumentsPage() {
  const [t, program] = await Promise.all([getTranslations("portal.documents"), getCurrentProgram(db())]);
  return (
    <PublicFrame>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 space-y-10 px-4 py-8 text-base leading-[1.75] sm:px-8 sm:py-10">
        <div className="space-y-3">
          <h1 className="text-2xl font-bold tracking-wide text-slate-900 sm:text-3xl">{t("title")}</h1>
          <p className="text-slate-700">{t("intro")}</p>
        </div>

        <section aria-labelledby="current-heading" className="space-y-3">
          <h2 id="current-heading" className="text-xl font-semibold">
            {t("currentHeading")}
          </h2>
          {program ? (
            <article aria-labelledby="current-name" className="space-y-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <h3 id="current-name" className="text-lg font-semibold leading-8 text-brand-900">
                {program.name}
              </h3>
              <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
                <dt className="text-slate-600">{t("docNumber")}</dt>
                <dd className="font-medium">{program.docNumber}</dd>
                <dt className="text-slate-600">{t("leadUnits")}</dt>
                <dd>{program.leadUnits.join("、")}</dd>
              </dl>
            </article>
          ) : (
            <p className="text-slate-700">{t("currentNone")}</p>
          )}
        </section>

        <section aria-labelledby="list-heading" className="space-y-3">
          <h2 id="list-heading" className="text-xl font-semibold">
            {t("listHeading")}
          </h2>
          <ol className="space-y-4">
            {PROGRAM_DOCUMENTS.map((doc) => {
              const title = t(`items.${doc.slug}.title`);
              return (
                <li key={doc.slug}>
                  <article
                    aria-labelledby={`doc-${doc.slug}`}
                    className="space-y-2 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
                  >
                    <h3 id={`doc-${doc.slug}`} className="text-lg font-semibold leading-8 text-slate-900">
                      {title}
                    </h3>
                    <dl className="grid grid-cols-1 gap-x-6 text-sm sm:grid-cols-[auto_1fr]">
                      <dt className="text-slate-600">{t("docNumber")}</dt>
                      <dd>{t(`items.${doc.slug}.docNumber`)}</dd>
                      <dt className="text-slate-600">{t("issuer")}</dt>
                      <dd>{t(`items.${doc.slug}.issuer`)}</dd>
                    </dl>
                    <p className="text-slate-700">{t(`items.${doc.slug}.summary`)}</p>
                    <p>
                      <Link
                        href={`/documents/${doc.slug}`}
                        aria-label={t("readMoreLabel", { title })}
                        className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900"
                      >
                        {t("readMore")}
                      </Link>
                    </p>
                  </article>
                </li>
              );
            })}
          </ol>
        </section>
      </main>
    </PublicFrame>
  );
}
