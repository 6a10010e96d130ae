import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { PRODUCT_KINDS } from "@/lib/products/rules";
import { productFilterValues, SECURITY_FILTERS, type TProductFilters } from "@/lib/products/filters";
import type { TRangeT } from "./range-text";

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
    <form
      method="get"
      action={action}
      role="search"
      aria-label={t("label")}
      className="grid grid-cols-1 gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-3"
    >
      <SelectField
        name="kind"
        label={t("kind")}
        defaultValue={v.kind}
        placeholder={t("all")}
        options={PRODUCT_KINDS.map((k) => ({ value: k, label: k }))}
      />
      <SelectField
        name="bank"
        label={t("bank")}
        defaultValue={v.bank}
        placeholder={t("all")}
        options={banks.map((b) => ({ value: b.id, label: b.name }))}
      />
      <SelectField
        name="security"
        label={t("security")}
        defaultValue={v.security}
        placeholder={t("all")}
        options={SECURITY_FILTERS.map((s) => ({ value: s, label: t(s) }))}
      />
      <TextField
        name="amount"
        label={t("amount")}
        defaultValue={v.amount}
        inputMode="decimal"
        maxLength={12}
        placeholder={t("amountHint")}
      />
      <TextField name="term" label={t("term")} defaultValue={v.term} inputMode="numeric" maxLength={3} placeholder={t("termHint")} />
      <TextField name="q" type="search" label={t("q")} defaultValue={v.q} maxLength={40} placeholder={t("qHint")} />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-3">
        <Button type="submit">{t("apply")}</Button>
        <Link href={action} className="text-sm text-brand-700 underline underline-offset-4">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
