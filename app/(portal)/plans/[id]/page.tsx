import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { DataTable } from "@/components/ui/data-table";
import { DetailList } from "@/components/ui/detail-list";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getAssistancePlan, type TPlanStepView, type TPlanVersionView } from "@/lib/plans/queries/get-assistance-plan";
import { getPlanFormOptions } from "@/lib/plans/queries/get-plan-form-options";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PlanForm } from "../plan-form";
import { PlanStatusBadge } from "../status-badge";
import { PlanReviewForm, PlanReviseForm } from "./step-forms";

export const dynamic = "force-dynamic";

// One park's assistance plan: the newest version (editable by the main bank while a draft
// or returned), the decision the viewer may take now (the step table's answer), every
// version (approved ones read-only) and the step history.
export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("plans.read");
  const { id } = await params;
  const plan = await getAssistancePlan(db(), user, id);
  if (!plan) notFound();
  const [t, locale] = await Promise.all([getTranslations("plans"), getLocale().then(resolveLocale)]);
  const latest = plan.versions[0]!;
  const mayEdit = plan.steps.includes("save");
  const products = mayEdit ? (await getPlanFormOptions(db(), user)).products : [];
  const wan = (fen: string) => formatWanYuan(fen, locale);
  const versionBody = (v: TPlanVersionView) => (
    <DetailList
      rows={[
        [
          t("page.objectives"),
          <span key="o" className="whitespace-pre-line">
            {v.objectives}
          </span>,
        ],
        [t("form.amount"), wan(v.amountFen)],
        [t("form.borrowers"), String(v.borrowers)],
        [t("form.firstLoans"), String(v.firstLoans)],
        [t("form.creditLoans"), String(v.creditLoans)],
        [t("page.products"), v.products.length === 0 ? t("page.noProductsChosen") : v.products.map((p) => p.name).join("、")],
        [
          t("page.greenChannel"),
          <span key="g" className="whitespace-pre-line">
            {v.greenChannel}
          </span>,
        ],
        [
          t("page.team"),
          <ul key="t">
            {v.team.map((m, i) => (
              <li key={i}>{t("page.teamMember", m)}</li>
            ))}
          </ul>,
        ],
      ]}
    />
  );
  const initial: Record<string, string> = {
    objectives: latest.objectives,
    amount: wan(latest.amountFen).replace(/,/g, ""),
    borrowers: String(latest.borrowers),
    firstLoans: String(latest.firstLoans),
    creditLoans: String(latest.creditLoans),
    greenChannel: latest.greenChannel,
    ...Object.fromEntries(
      latest.team.flatMap((m, i) => [
        [`teamName.${i}`, m.name],
        [`teamRole.${i}`, m.role],
        [`teamPhone.${i}`, m.phone],
      ]),
    ),
  };
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/plans" label={t("page.back")} />
      <PageHeader title={t("page.title", { park: plan.parkName, year: plan.year })} />
      <DetailList
        rows={[
          [t("page.bank"), plan.bankName],
          [t("page.status"), <PlanStatusBadge key="s" status={plan.status} />],
          [t("columns.version"), t("versionValue", { number: plan.latestNumber })],
          [t("page.inForce"), plan.approvedNumber === null ? t("page.noneInForce") : t("versionValue", { number: plan.approvedNumber })],
        ]}
      />
      {latest.returnReason && plan.status === "RETURNED" && (
        <p role="note" className="rounded-md bg-amber-50 p-3 text-amber-900" data-testid="plan-return-reason">
          {t("page.returnReason", { reason: latest.returnReason })}
        </p>
      )}
      {mayEdit ? (
        <PlanForm
          mode="edit"
          planId={plan.id}
          version={plan.version}
          title={t("form.titleEdit", { number: latest.number })}
          products={products}
          chosenProducts={latest.products.map((p) => p.id)}
          initial={initial}
        />
      ) : null}
      {plan.steps.includes("parkApprove") && <PlanReviewForm who="park" planId={plan.id} version={plan.version} />}
      {plan.steps.includes("financeApprove") && <PlanReviewForm who="finance" planId={plan.id} version={plan.version} />}
      {plan.steps.includes("revise") && plan.approvedNumber !== null && (
        <PlanReviseForm planId={plan.id} version={plan.version} approvedNumber={plan.approvedNumber} />
      )}
      <section aria-labelledby="plan-versions" className="space-y-4">
        <h2 id="plan-versions" className="text-lg font-semibold">
          {t("page.versions")}
        </h2>
        <p className="text-sm text-slate-600">{t("page.readOnly")}</p>
        {plan.versions.map((v) => (
          <details
            key={v.number}
            open={v.number === latest.number}
            className="rounded-lg bg-white p-4 ring-1 ring-slate-200"
            data-testid="plan-version"
          >
            <summary className="cursor-pointer font-medium">
              {t("page.latest", { number: v.number, status: t(`status.${v.status}`) })}
            </summary>
            <div className="mt-3">{versionBody(v)}</div>
          </details>
        ))}
      </section>
      <DataTable<TPlanStepView & { key: number }>
        caption={t("page.history")}
        captionVisible
        testId="plan-history"
        rows={plan.history.map((h, key) => ({ ...h, key }))}
        rowKey={(h) => String(h.key)}
        columns={[
          { key: "at", header: t("page.historyColumns.at"), rowHeader: true, cell: (h) => formatDateTime(h.at, locale) },
          { key: "version", header: t("page.historyColumns.version"), onCard: true, cell: (h) => t("versionValue", { number: h.number }) },
          { key: "step", header: t("page.historyColumns.step"), onCard: true, cell: (h) => t(`steps.${h.step}`) },
          { key: "by", header: t("page.historyColumns.by"), onCard: true, cell: (h) => `${h.actorName} · ${h.orgName}` },
          { key: "reason", header: t("page.historyColumns.reason"), onCard: true, cell: (h) => h.reason ?? "" },
        ]}
      />
    </main>
  );
}
