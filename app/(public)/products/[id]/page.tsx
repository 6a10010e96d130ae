import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { amountRangeText, rateRangeText, termRangeText } from "@/components/products/range-text";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getProduct } from "@/lib/products/queries/list-products";
import { db } from "@/lib/server/db";
import { CatalogueFrame, catalogueViewer, requestAction } from "../catalogue-frame";

// Public like the catalogue. A withdrawn product, or one of a bank that left, is "not
// found": the catalogue only answers for what is on offer.
export const dynamic = "force-dynamic";

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [product, viewer] = await Promise.all([getProduct(db(), id), catalogueViewer()]);
  if (!product) notFound();
  const [t, tCard, tRange, locale] = await Promise.all([
    getTranslations("products"),
    getTranslations("products.card"),
    getTranslations("products.range"),
    getLocale().then(resolveLocale),
  ]);
  const action = requestAction(viewer, product.name, tCard);
  const applyText = !viewer
    ? t("detail.applyPublic")
    : can(viewer.role, "requests.create")
      ? t("detail.applyEnterprise")
      : t("detail.applyOther");
  const facts: Array<[string, string]> = [
    [t("detail.bank"), product.bankName],
    [t("detail.kind"), product.kind],
    [tCard("amount"), amountRangeText(tRange, product, locale)],
    [tCard("term"), termRangeText(tRange, product)],
    [tCard("rate"), rateRangeText(tRange, product)],
    [tCard("collateral"), product.collateral ?? tRange("notStated")],
    [tCard("targets"), product.targets ?? tRange("notStated")],
    [t("detail.howToApply"), product.howToApply ?? tRange("notStated")],
  ];

  return (
    <CatalogueFrame viewer={viewer}>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 space-y-6 px-4 py-8 leading-relaxed sm:px-8">
        <Link href="/products" className="text-sm text-brand-700 underline-offset-2 hover:underline">
          {t("detail.back")}
        </Link>
        <div className="space-y-1">
          <p className="flex flex-wrap gap-2 text-xs">
            <span className="rounded-full bg-brand-50 px-2 py-0.5 font-medium text-brand-900 ring-1 ring-inset ring-brand-100">
              {product.kind}
            </span>
            {product.credit && (
              <span className="rounded-full bg-green-50 px-2 py-0.5 font-medium text-green-800 ring-1 ring-inset ring-green-200">
                {tCard("credit")}
              </span>
            )}
          </p>
          <h1 className="text-2xl font-semibold tracking-wide">{product.name}</h1>
          <p className="text-slate-700">{product.bankName}</p>
        </div>
        <dl className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          {facts.map(([label, value]) => (
            <div key={label} className="grid grid-cols-1 gap-1 px-4 py-3 sm:grid-cols-[8rem_1fr] sm:gap-4 sm:px-6">
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="tabular-nums text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="text-xs text-slate-600">{t("detail.updated", { date: formatDate(product.updatedAt, locale) })}</p>
        <section aria-labelledby="apply-title" className="space-y-3 rounded-lg bg-brand-50 p-4 sm:p-6">
          <h2 id="apply-title" className="text-lg font-semibold text-brand-900">
            {t("detail.applyTitle")}
          </h2>
          <p className="text-slate-700">{applyText}</p>
          {action && (
            <p className="flex flex-wrap gap-3">
              <Link href={action.href} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
                {action.label}
              </Link>
              {!viewer && (
                <Link
                  href="/register"
                  className="rounded-md bg-white px-4 py-2 font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
                >
                  {t("register")}
                </Link>
              )}
            </p>
          )}
        </section>
        <p className="text-sm text-slate-600">{t("publicNote")}</p>
      </main>
    </CatalogueFrame>
  );
}
