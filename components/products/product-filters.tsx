import Link from "next/link";
import { PRODUCT_KINDS } from "@/lib/products/rules";
import { productFilterValues, SECURITY_FILTERS, type TProductFilters } from "@/lib/products/filters";
import type { TRangeT } from "./range-text";

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 focus:border-brand-600 focus:outline-2 focus:outline-brand-600";
const labelClass = "block text-sm font-medium text-slate-700";

type TProps = {
  filters: TProductFilters;
  banks: ReadonlyArray<{ id: string; name: string }>;
  /** Translator of "products.filters". */
  t: TRangeT;
  /** Where "clear filters" goes: the catalogue without a query. */
  action: string;
};

// A GET form: the filters live in the URL, so a filtered catalogue can be bookmarked or
// sent to a colleague, and it works without JavaScript. Two columns from small screens up.
export function ProductFilters({ filters, banks, t, action }: TProps) {
  const v = productFilterValues(filters);
  return (
    <form method="get" action={action} role="search" aria-label={t("label")} className="grid grid-cols-1 gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-3">
      <label className={labelClass}>
        {t("kind")}
        <select name="kind" defaultValue={v.kind} className={inputClass}>
          <option value="">{t("all")}</option>
          {PRODUCT_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        {t("bank")}
        <select name="bank" defaultValue={v.bank} className={inputClass}>
          <option value="">{t("all")}</option>
          {banks.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        {t("security")}
        <select name="security" defaultValue={v.security} className={inputClass}>
          <option value="">{t("all")}</option>
          {SECURITY_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(s)}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        {t("amount")}
        <input name="amount" defaultValue={v.amount} inputMode="decimal" maxLength={12} placeholder={t("amountHint")} className={inputClass} />
      </label>
      <label className={labelClass}>
        {t("term")}
        <input name="term" defaultValue={v.term} inputMode="numeric" maxLength={3} placeholder={t("termHint")} className={inputClass} />
      </label>
      <label className={labelClass}>
        {t("q")}
        <input name="q" type="search" defaultValue={v.q} maxLength={40} placeholder={t("qHint")} className={inputClass} />
      </label>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-3">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
          {t("apply")}
        </button>
        <Link href={action} className="text-sm text-brand-700 underline underline-offset-4">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
