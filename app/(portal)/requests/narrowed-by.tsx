import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TRequestListFilters } from "@/lib/requests/list-filters";
import { db } from "@/lib/server/db";

// What the dashboards' links narrowed the list to (a bank with its branches, a park,
// overdue only), in words, with a way back to the whole list. Bank and park names are
// public (the directory lists them), so naming them reveals nothing.
export async function NarrowedBy({ filters }: { filters: TRequestListFilters }) {
  if (!filters.bank && !filters.park && !filters.overdue) return null;
  const [t, bank, park] = await Promise.all([
    getTranslations("requestForm.list.narrowed"),
    filters.bank ? db().organization.findUnique({ where: { id: filters.bank }, select: { name: true } }) : null,
    filters.park
      ? db().park.findUnique({ where: { id: filters.park }, select: { org: { select: { name: true, shortName: true } } } })
      : null,
  ]);
  const parts = [
    filters.overdue ? t("overdue") : null,
    filters.bank ? t("bank", { name: bank?.name ?? t("unknown") }) : null,
    filters.park ? t("park", { name: park ? (park.org.shortName ?? park.org.name) : t("unknown") }) : null,
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
