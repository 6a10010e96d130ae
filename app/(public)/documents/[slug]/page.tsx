import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { findProgramDocument } from "@/lib/portal/documents";
import { PublicFrame } from "../../_components/public-frame";

// Static text from the message files, in the visitor's language (a cookie): per request.
export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const doc = findProgramDocument((await params).slug);
  if (!doc) return {};
  const t = await getTranslations("portal.documents");
  return { title: t(`items.${doc.slug}.title`) };
}

export default async function DocumentPage({ params }: TProps) {
  const doc = findProgramDocument((await params).slug);
  if (!doc) notFound();
  const t = await getTranslations("portal.documents");
  const item = (key: string) => t(`items.${doc.slug}.${key}`);
  return (
    <PublicFrame>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 space-y-8 px-4 py-8 text-base leading-[1.75] sm:px-8 sm:py-10">
        <nav aria-label={t("breadcrumb")} className="text-sm">
          <Link href="/documents" className="text-brand-700 underline underline-offset-4 hover:text-brand-900">
            {t("back")}
          </Link>
        </nav>
        <article aria-labelledby="doc-title" className="space-y-8">
          <header className="space-y-4">
            <h1 id="doc-title" className="text-2xl font-bold leading-snug tracking-wide text-slate-900">
              {item("title")}
            </h1>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-1 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-[auto_1fr]">
              <dt className="text-slate-600">{t("docNumber")}</dt>
              <dd className="font-medium">{item("docNumber")}</dd>
              <dt className="text-slate-600">{t("issuer")}</dt>
              <dd>{item("issuer")}</dd>
              <dt className="text-slate-600">{t("issued")}</dt>
              <dd>{item("issued")}</dd>
              <dt className="text-slate-600">{t("basis")}</dt>
              <dd>{item("basis")}</dd>
              <dt className="text-slate-600">{t("source")}</dt>
              <dd className="break-all text-sm">{t("sourceText", { file: doc.source.file, lines: doc.source.lines })}</dd>
            </dl>
          </header>
          <section aria-labelledby="summary-heading" className="space-y-2">
            <h2 id="summary-heading" className="text-xl font-semibold">
              {t("summary")}
            </h2>
            <p className="text-slate-800">{item("summary")}</p>
          </section>
          <section aria-labelledby="rules-heading" className="space-y-2">
            <h2 id="rules-heading" className="text-xl font-semibold">
              {t("keyRules")}
            </h2>
            <ol className="list-decimal space-y-2 pl-6 text-slate-800 marker:text-slate-500">
              {doc.ruleKeys.map((key) => (
                <li key={key}>{item(`rules.${key}`)}</li>
              ))}
            </ol>
          </section>
          <p className="border-t border-slate-200 pt-4 text-sm text-slate-600">{t("disclaimer")}</p>
        </article>
      </main>
    </PublicFrame>
  );
}
