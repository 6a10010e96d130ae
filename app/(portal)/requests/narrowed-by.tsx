import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TRequestListFilters } from "@/lib/requests/list-filters";
import { getNarrowedByNames } from "@/lib/requests/queries/get-narrowed-by-names";
import { db } from "@/lib/server/db";

// What the dashboards' links narrowed the list to (a bank with its branches, a park,
// overdue only), in words, with a way back to the whole list. Bank and park names are
// public (the directory lists them), so naming them reveals nothing.
export async function NarrowedBy({ filters }: { filters: TRequestListFilters }) {
  if (!filters.bank && !filters.park && !filters.overdue) return null;
  const [t, names] = await Promise.all([getTranslations("requestForm.list.narrowed"), getNarrowedByNames(db(), filters)]);
  const parts = [
    filters.overdue ? t("overdue") : null,
    filters.bank ? t("bank", { name: names.bankName ?? t("unknown") }) : null,
    filters.park ? t("park", { name: names.parkName ?? t("unknown") }) : null,
  ].filter(Boolean);
  return (
    <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="narrowed-by">
      {t("label", { parts: parts.join("；") })}{" "}
      <Link href="/requests" className="font-medium underline underline-offset-2">
        {t("clear")}
      </Link>
    </p>
  );
}
