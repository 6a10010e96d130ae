import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import type { THeadlineStats } from "@/lib/portal/queries/get-headline-stats";
import { headlineAmount, ratePercent } from "@/lib/portal/rules";

type TFigure = { key: string; label: string; value: string; unit: string | null; extra?: string; definition: string };

/** The year's four headline numbers, each with its definition right under it. */
export async function HeadlineStats({ stats, locale }: { stats: THeadlineStats; locale: TLocale }) {
  const t = await getTranslations("portal.stats");
  const onTime = ratePercent(stats.repliedOnTime, stats.repliesOwed);
  const satisfaction = ratePercent(stats.satisfied, stats.rated);
  const amount = headlineAmount(stats.loanAmountFen);
  const count = stats.requestsHandled.toLocaleString(locale === "en" ? "en-US" : "zh-CN");
  const figures: TFigure[] = [
    { key: "handled", label: t("handled.label"), value: count, unit: t("handled.unit"), definition: t("handled.definition") },
    {
      key: "onTime",
      label: t("onTime.label"),
      value: onTime ?? t("noData"),
      unit: onTime ? "%" : null,
      definition: t("onTime.definition"),
    },
    {
      key: "satisfaction",
      label: t("satisfaction.label"),
      value: satisfaction ?? t("noData"),
      unit: satisfaction ? "%" : null,
      definition: t("satisfaction.definition"),
    },
    {
      key: "loans",
      label: t("loans.label"),
      value: amount.value,
      unit: t(`loans.${amount.unit}`),
      extra: t("loans.count", { count: stats.loansGranted }),
      definition: t("loans.definition"),
    },
  ];
  return (
    <section aria-labelledby="stats-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="stats-heading" className="text-xl font-semibold text-slate-900 sm:text-2xl">
          {t("heading", { year: stats.year })}
        </h2>
        <p className="text-sm text-slate-600">{t("asOf", { date: formatDate(new Date(stats.asOf), locale) })}</p>
      </div>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {figures.map((f) => (
          <div key={f.key} data-stat={f.key} className="flex flex-col rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <dt className="text-base font-medium text-slate-700">{f.label}</dt>
            <dd className="mt-2 flex flex-wrap items-baseline gap-x-1.5 text-slate-900">
              <span className="text-3xl font-semibold tabular-nums tracking-tight">{f.value}</span>
              {f.unit && <span className="text-base text-slate-700">{f.unit}</span>}
              {f.extra && <span className="basis-full text-base text-slate-700">{f.extra}</span>}
            </dd>
            <dd className="mt-3 border-t border-slate-100 pt-3 text-sm leading-6 text-slate-600">{f.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
