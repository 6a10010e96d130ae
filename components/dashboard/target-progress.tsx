import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { percentText } from "@/components/dashboard/format";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { linkClass } from "@/components/ui/link-styles";
import { formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import type { TTargetProgressRow } from "@/lib/targets/queries/read-target-progress";
import { TARGET_MEASURES, type TTargetMeasure } from "@/lib/targets/rules";

export type TTargetView = "bank" | "finance" | "park" | "pbc";

/**
 * How far a share of a target has come: the percent in words (what a screen reader and a
 * printout get) and a native <meter> under it (no style attribute: the page policy), full
 * at 100% and never past it.
 */
export async function TargetMeter({ percent, label }: { percent: number | null; label: string }) {
  const t = await getTranslations("targets.progress");
  const none = "—";
  const width = percent === null ? 0 : Math.max(0, Math.min(100, percent));
  return (
    <div className="min-w-24 space-y-1" data-testid="target-meter">
      <span className="sr-only">{t("progressLabel", { measure: label, percent: percentText(percent, none) })}</span>
      <span aria-hidden="true">{percentText(percent, none)}</span>
      <meter aria-hidden="true" className="block h-2 w-full" min={0} max={100} optimum={100} low={50} high={99.99} value={width} />
    </div>
  );
}

/**
 * Target against actual for the year, as the viewer's scope gives it (readTargetProgress):
 * a bank sees each measure of its own target; the finance office and the central bank
 * one row per bank (the central bank reads, it sets nothing); a park its paired banks with their lending in the park. Without any
 * target the empty state says who sets one and where.
 */
export async function TargetProgress({
  rows,
  year,
  view,
  locale,
  manageHref,
}: {
  rows: TTargetProgressRow[];
  year: number;
  view: TTargetView;
  locale: TLocale;
  manageHref?: string;
}) {
  const t = await getTranslations("targets.progress");
  const wan = (fen: string) => formatWanYuan(fen, locale);
  const withTarget = rows.filter((r) => r.target !== null);
  const upTo = (r: TTargetProgressRow) =>
    r.actual.latestQuarter === null ? t("noReturn") : t("upTo", { year, quarter: r.actual.latestQuarter });
  const emptyKey = view === "bank" ? "Bank" : view === "park" ? "Park" : view === "pbc" ? "Pbc" : "Finance";
  const action = manageHref ? (
    <Link href={manageHref} className={linkClass}>
      {t("manage")}
    </Link>
  ) : undefined;
  const measureText = (m: TTargetMeasure, value: string | number) => (m === "amount" ? wan(String(value)) : String(value));

  let body;
  if (withTarget.length === 0) body = <EmptyState title={t(`emptyTitle${emptyKey}`, { year })} body={t(`emptyBody${emptyKey}`)} />;
  else if (view === "bank")
    body = withTarget.map((r) => (
      <DataTable
        key={r.bankOrgId}
        caption={`${r.bankName} · ${upTo(r)}`}
        captionVisible
        testId="target-progress-bank"
        rows={TARGET_MEASURES.map((m) => ({
          m,
          target: r.target![m === "amount" ? "amountFen" : m],
          actual: r.actual[m === "amount" ? "amountFen" : m],
        }))}
        rowKey={(x) => x.m}
        columns={[
          { key: "measure", header: t("measure"), rowHeader: true, cell: (x) => t(`measures.${x.m}`) },
          { key: "target", header: t("target"), numeric: true, cell: (x) => measureText(x.m, x.target) },
          { key: "actual", header: t("actual"), numeric: true, cell: (x) => measureText(x.m, x.actual) },
          {
            key: "attainment",
            header: t("attainment"),
            cell: (x) => <TargetMeter percent={r.attainment[x.m]} label={t(`measures.${x.m}`)} />,
          },
        ]}
      />
    ));
  else
    body = (
      <DataTable
        caption={t("caption", { year })}
        testId={`target-progress-${view}`}
        rows={rows}
        rowKey={(r) => r.bankOrgId}
        columns={[
          { key: "bank", header: t("bank"), rowHeader: true, cell: (r) => r.bankName },
          {
            key: "amountTarget",
            header: `${t("measures.amount")} · ${t("target")}`,
            numeric: true,
            cell: (r) => (r.target ? wan(r.target.amountFen) : t("noTarget")),
          },
          { key: "amountActual", header: `${t("measures.amount")} · ${t("actual")}`, numeric: true, cell: (r) => wan(r.actual.amountFen) },
          view === "park" && {
            key: "parkAmount",
            header: t("parkAmount"),
            numeric: true,
            cell: (r: TTargetProgressRow) => wan(r.parkAmountFen ?? "0"),
          },
          ...TARGET_MEASURES.map((m) => ({
            key: `${m}Attainment`,
            header: t(`${m}Attainment`),
            cell: (r: TTargetProgressRow) => <TargetMeter percent={r.attainment[m]} label={t(`measures.${m}`)} />,
          })),
          { key: "upTo", header: t("asOf"), cell: upTo, onCard: false },
        ]}
      />
    );
  return (
    <DashboardSection id="targets-title" title={t("title", { year })} action={action}>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {body}
    </DashboardSection>
  );
}
