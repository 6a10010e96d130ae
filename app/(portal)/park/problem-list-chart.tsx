import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EChart } from "@/components/charts/echart";
import type { TParkDashboard } from "@/lib/dashboard/queries/get-park-dashboard";
import { requestListHref } from "@/lib/dashboard/enterprise-park-counts";

const link = "text-brand-700 underline underline-offset-4 hover:text-brand-900";

// The park's problem list by state: a bar chart, and the same numbers as links to the
// list filtered to each state (the chart is never the only place a number is).
export async function ProblemListSection({ data }: { data: TParkDashboard }) {
  const [t, tRequests] = await Promise.all([getTranslations("dashboardPark.problems"), getTranslations("requests")]);
  const labels = data.counts.map((c) => tRequests(`statuses.${c.status}`));
  const option = {
    grid: { left: 150, right: 40, top: 10, bottom: 30 },
    xAxis: {
      type: "value" as const,
      minInterval: 1,
      name: t("axis"),
      nameLocation: "middle" as const,
      nameGap: 22,
      axisLabel: { color: "#334155" },
    },
    yAxis: { type: "category" as const, data: labels, inverse: true, axisLabel: { color: "#1e293b" } },
    series: [
      {
        type: "bar" as const,
        data: data.counts.map((c) => c.count),
        itemStyle: { color: "#1d5fbf" },
        label: { show: true, position: "right" as const, color: "#0f172a" },
      },
    ],
  };
  return (
    <section aria-labelledby="problems-title" className="space-y-3">
      <h2 id="problems-title" className="text-lg font-medium">
        {t("title")}
      </h2>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <EChart option={option} title={t("chart")} width={480} height={300} />
        </div>
        <ul className="space-y-1 text-sm">
          <li>
            <Link href="/requests" className={link}>
              {t("total", { count: data.total })}
            </Link>
          </li>
          {data.counts.map((c) => (
            <li key={c.status}>
              <Link href={requestListHref(c.status)} className={link} data-testid={`count-${c.status}`}>
                {t("item", { status: tRequests(`statuses.${c.status}`), count: c.count })}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
