import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";

/** On an item's page: the matching event whose bank intention it came from. */
export async function SourceEvent({ event, locale }: { event: { id: string; title: string; startsAt: Date }; locale: TLocale }) {
  const t = await getTranslations("events");
  return (
    <Link href={`/events/${event.id}`} className="text-brand-700 underline" data-testid="source-event">
      {t("sourceEvent", { date: formatDate(event.startsAt, locale), title: event.title })}
    </Link>
  );
}
