import Link from "next/link";
import type { TLocale } from "@/lib/i18n/locales";
import type { TProductCard } from "@/lib/products/queries/list-products";
import { amountRangeText, rateRangeText, termRangeText, type TRangeT } from "./range-text";

type TProps = {
  product: TProductCard;
  locale: TLocale;
  /** Translators of "products.card" and "products.range". */
  t: TRangeT;
  tRange: TRangeT;
  /** The call to action under the facts: request with it, or sign in first; none for banks and offices. */
  action?: { href: string; label: string } | null;
};

// One product in the catalogue: what an enterprise compares first (amount, term, rate,
// security), then who it is for. Single column on a phone.
export function ProductCard({ product, locale, t, tRange, action }: TProps) {
  const headingId = `product-${product.id}`;
  return (
    <li>
      <article aria-labelledby={headingId} className="flex h-full flex-col rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
        <p className="flex flex-wrap items-center gap-2 text-xs">
          <span className="rounded-full bg-brand-50 px-2 py-0.5 font-medium text-brand-900 ring-1 ring-inset ring-brand-100">
            {product.kind}
          </span>
          {product.credit && (
            <span className="rounded-full bg-green-50 px-2 py-0.5 font-medium text-green-800 ring-1 ring-inset ring-green-200">
              {t("credit")}
            </span>
          )}
        </p>
        <h2 id={headingId} className="mt-2 text-lg font-semibold leading-snug text-slate-900">
          <Link href={`/products/${product.id}`} className="underline-offset-4 hover:underline">
            {product.name}
          </Link>
        </h2>
        <p className="text-sm text-slate-600">{product.bankName}</p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm leading-relaxed">
          <dt className="text-slate-600">{t("amount")}</dt>
          <dd className="tabular-nums text-slate-900">{amountRangeText(tRange, product, locale)}</dd>
          <dt className="text-slate-600">{t("term")}</dt>
          <dd className="tabular-nums text-slate-900">{termRangeText(tRange, product)}</dd>
          <dt className="text-slate-600">{t("rate")}</dt>
          <dd className="tabular-nums text-slate-900">{rateRangeText(tRange, product)}</dd>
          <dt className="text-slate-600">{t("collateral")}</dt>
          <dd className="text-slate-900">{product.collateral ?? tRange("notStated")}</dd>
          {product.targets && (
            <>
              <dt className="text-slate-600">{t("targets")}</dt>
              <dd className="text-slate-900">{product.targets}</dd>
            </>
          )}
        </dl>
        <p className="mt-auto flex flex-wrap items-center gap-x-4 gap-y-2 pt-4 text-sm">
          <Link href={`/products/${product.id}`} className="text-brand-700 underline underline-offset-4">
            {t("details")}
            <span className="sr-only">：{product.name}</span>
          </Link>
          {action && (
            <Link href={action.href} className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700">
              {action.label}
              <span className="sr-only">：{product.name}</span>
            </Link>
          )}
        </p>
      </article>
    </li>
  );
}
