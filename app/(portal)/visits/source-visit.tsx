import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";

/** On an item's page: the park visit whose finding it came from. */
export async function SourceVisit({ visit, locale }: { visit: { id: string; visitedOn: Date; bank: { name: string } }; locale: TLocale }) {
  const t = await getTranslations("visits");
  return (
    <Link href={`/visits/${visit.id}`} className="text-brand-700 underline" data-testid="source-visit">
      {t("sourceVisit", { date: formatDate(visit.visitedOn, locale), bank: visit.bank.name })}
    </Link>
  );
}
