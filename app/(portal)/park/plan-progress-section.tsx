import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { TargetMeter } from "@/components/dashboard/target-progress";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { linkClass } from "@/components/ui/link-styles";
import { loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { dashboardPeriod } from "@/lib/dashboard/shared-period";
import { formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { readPlanProgress } from "@/lib/plans/queries/read-plan-progress";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { TARGET_MEASURES } from "@/lib/targets/rules";
import { db } from "@/lib/server/db";

/**
 * The park dashboard's assistance-plan block: the approved plan's target figures against
 * what the banks' accepted returns report for this park (readPlanProgress), drawn like the
 * bank's credit-target table (the same measures and meters).
 */
export async function PlanProgressSection({ user, now = new Date() }: { user: TActorSource; now?: Date }) {
  const year = dashboardPeriod(now).current.year;
  const [t, tTargets, locale, ctx, program] = await Promise.all([
    getTranslations("plans.progress"),
    getTranslations("targets.progress"),
    getLocale().then(resolveLocale),
    loadScopeContext(db(), user),
    getCurrentProgram(db(), year, now),
  ]);
  const progress = ctx.parkId && program ? await readPlanProgress(db(), { parkId: ctx.parkId, programId: program.id, year }) : null;
  const wan = (fen: string) => formatWanYuan(fen, locale);
  const key = (m: (typeof TARGET_MEASURES)[number]) => (m === "amount" ? "amountFen" : m);
  const text = (m: (typeof TARGET_MEASURES)[number], v: string | number) => (m === "amount" ? wan(String(v)) : String(v));
  const upTo = progress?.actual.latestQuarter ? tTargets("upTo", { year, quarter: progress.actual.latestQuarter }) : tTargets("noReturn");
  return (
    <DashboardSection
      id="plan-progress-title"
      title={t("title", { year })}
      action={
        progress ? (
          <Link href={`/plans/${progress.planId}`} className={linkClass}>
            {t("open")}
          </Link>
        ) : undefined
      }
    >
      {progress ? (
        <>
          <p className="text-sm text-slate-600">{t("intro", { number: progress.number })}</p>
          <DataTable
            caption={`${t("caption")} · ${upTo}`}
            captionVisible
            testId="plan-progress"
            rows={TARGET_MEASURES.map((m) => ({ m, target: progress.target[key(m)], actual: progress.actual[key(m)] }))}
            rowKey={(x) => x.m}
            columns={[
              { key: "measure", header: tTargets("measure"), rowHeader: true, cell: (x) => tTargets(`measures.${x.m}`) },
              { key: "target", header: tTargets("target"), numeric: true, cell: (x) => text(x.m, x.target) },
              { key: "actual", header: tTargets("actual"), numeric: true, cell: (x) => text(x.m, x.actual) },
              {
                key: "attainment",
                header: tTargets("attainment"),
                cell: (x) => <TargetMeter percent={progress.attainment[x.m]} label={tTargets(`measures.${x.m}`)} />,
              },
            ]}
          />
        </>
      ) : (
        <EmptyState title={t("emptyTitle", { year })} body={t("emptyBody")} />
      )}
    </DashboardSection>
  );
}
