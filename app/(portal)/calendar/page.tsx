import { getLocale, getTranslations } from "next-intl/server";
import { CalendarDayTable } from "@/components/calendar/calendar-day-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CN_OFFICIAL_SCHEDULES } from "@/lib/calendar/cn-official";
import { nextYearMissing } from "@/lib/calendar/next-year-missing";
import { getCalendarYear, listCalendarYears } from "@/lib/calendar/queries/list-calendar-years";
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from "@/lib/calendar/schemas";
import { formatDate } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { AddDayForm, LoadOfficialForm, PublishYearForm, RemoveDayButton } from "./calendar-forms";
import { LinkTabs } from "@/components/ui/link-tabs";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<{ year?: string | string[] }>;

export default async function CalendarPage({ searchParams }: { searchParams: TSearchParams }) {
  await requirePermission("calendar.manage");
  const params = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("calendar"), getLocale()]);
  const now = new Date();
  const years = await listCalendarYears(db(), now);

  // The year asked for, else the one the warning is about, else the current year.
  const asked = Number(Array.isArray(params.year) ? params.year[0] : params.year);
  const current = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const missing = nextYearMissing(
    now,
    years.filter((y) => y.published).map((y) => y.year),
  );
  const year = Number.isInteger(asked) && asked >= CALENDAR_MIN_YEAR && asked <= CALENDAR_MAX_YEAR ? asked : (missing ?? current);
  const detail = await getCalendarYear(db(), year);
  const official = Object.hasOwn(CN_OFFICIAL_SCHEDULES, year) ? CN_OFFICIAL_SCHEDULES[year] : undefined;
  const shown = years.some((y) => y.year === year)
    ? years
    : [...years, { year, published: detail.published }].sort((a, b) => a.year - b.year);

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={t("intro")} />

      <LinkTabs
        label={t("yearsLabel")}
        current={String(year)}
        tabs={shown.map((y) => ({
          key: String(y.year),
          href: `/calendar?year=${y.year}`,
          label: (
            <>
              {t("yearLink", { year: y.year })}{" "}
              <span className={y.published ? "text-xs text-slate-600" : "rounded bg-red-100 px-1.5 text-xs text-red-800"}>
                {t(y.published ? "yearPublishedBadge" : "yearMissingBadge")}
              </span>
            </>
          ),
        }))}
      />

      <section aria-labelledby="year-heading" className="space-y-4">
        <h2 id="year-heading" className="text-xl font-semibold">
          {t("yearHeading", { year })}
        </h2>
        {detail.published ? (
          <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
            {t("published", { source: detail.source ?? t("none"), date: formatDate(detail.publishedAt!, locale as TLocale) })}
          </p>
        ) : (
          <p className="rounded border-l-4 border-red-700 bg-red-50 px-3 py-2 text-red-900">{t("notPublished", { year })}</p>
        )}
        <p className="text-slate-700">{t("counts", { holidays: detail.holidays, workdays: detail.workdays })}</p>

        {official && (!detail.published || detail.holidays === 0) && <LoadOfficialForm year={year} source={official.source} />}
        <AddDayForm key={`add-${year}`} year={year} />
        {!detail.published && <PublishYearForm key={`publish-${year}`} year={year} />}

        {detail.days.length === 0 ? (
          <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
        ) : (
          <CalendarDayTable
            caption={t("yearHeading", { year })}
            columns={{
              date: t("columns.date"),
              weekday: t("columns.weekday"),
              kind: t("columns.kind"),
              name: t("columns.name"),
              updatedBy: t("columns.updatedBy"),
              actions: t("columns.actions"),
            }}
            rows={detail.days.map((d) => ({
              date: d.date,
              weekday: t(`weekdays.${new Date(`${d.date}T00:00:00Z`).getUTCDay()}`),
              kind: d.kind,
              kindLabel: t(`kinds.${d.kind}`),
              name: d.name ?? t("none"),
              updatedBy: d.updatedByName ?? t("systemEntry"),
              actions: <RemoveDayButton date={d.date} />,
            }))}
          />
        )}
      </section>
    </main>
  );
}
