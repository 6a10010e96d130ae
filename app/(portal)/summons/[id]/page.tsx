import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { DataTable } from "@/components/ui/data-table";
import { DetailList } from "@/components/ui/detail-list";
import { linkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { getSummons } from "@/lib/summons/queries/get-summons";
import { PrefillItems } from "../prefill-items";
import { SummonsStatusBadge } from "../status-badge";
import { CosignForm, FilingForm, ReviewForms } from "./step-forms";

export const dynamic = "force-dynamic";

// One summons: the meeting (date, attendees, issues, measures with deadlines), what the
// bulletin found (frozen when it was opened), the bank's plan and completion report with
// the office's reviews, and the one form for the step the user may take now (the step
// table in lib/summons/rules.ts decides, as the server does).
export default async function SummonsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("summons.read");
  const { id } = await params;
  const s = await getSummons(db(), user, id);
  if (!s) notFound();
  const [t, locale] = await Promise.all([getTranslations("summons"), getLocale().then(resolveLocale)]);
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : t("detail.notYet"));
  const period = s.quarter ? t("period", { year: s.year, quarter: s.quarter }) : t("periodHalf", { year: s.year });
  const has = (step: (typeof s.steps)[number]) => s.steps.includes(step);
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-8">
      <div className="space-y-2">
        <BackLink href="/summons" label={t("detail.back")} />
        <PageHeader title={t("detail.title", { bank: s.bankName, period })} intro={t("detail.intro")} />
      </div>
      <DetailList
        rows={[
          [t("detail.status"), <SummonsStatusBadge key="s" status={s.status} overdue={s.overdue} />],
          [t("detail.program"), s.programName],
          [
            t("detail.source"),
            s.rankingId ? (
              <Link key="r" href={`/rankings/${s.rankingId}`} className={linkClass}>
                {t(`source.${s.source}`, { period })}
              </Link>
            ) : (
              t(`source.${s.source}`, { period })
            ),
          ],
          [t("detail.heldOn"), formatDate(s.heldOn, locale)],
          [t("detail.attendees"), s.attendees],
          [t("detail.opened"), s.opened ? `${when(s.opened.at)} ${s.opened.name}` : t("detail.notYet")],
          [t("detail.cosigned"), s.cosigned ? `${when(s.cosigned.at)} ${s.cosigned.name}` : t("detail.notCosigned")],
          [t("detail.dueOn"), formatDate(s.dueOn, locale)],
        ]}
      />
      <Panel title={t("detail.issues")}>
        <p className="whitespace-pre-wrap" data-testid="summons-issues">
          {s.issues}
        </p>
      </Panel>
      <Panel title={t("detail.measures")}>
        <DataTable
          caption={t("detail.measures")}
          rows={s.measures}
          rowKey={(m) => String(m.position)}
          columns={[
            { key: "n", header: t("columns.position"), numeric: true, cell: (m) => m.position },
            { key: "text", header: t("columns.measure"), rowHeader: true, cell: (m) => m.text },
            { key: "deadline", header: t("columns.deadline"), className: "whitespace-nowrap", cell: (m) => formatDate(m.deadline, locale) },
          ]}
        />
      </Panel>
      <Panel title={t("prefill.bottomList")} testId="summons-bottom-list">
        {s.prefill.bottomList.length === 0 ? (
          <p className="text-sm text-slate-600">{t("prefill.noBottomBody")}</p>
        ) : (
          <ul className="list-inside list-disc">
            {s.prefill.bottomList.map((b) => (
              <li key={b.bankOrgId}>{t("prefill.bottomRow", { bank: b.bankName, rank: b.rank, score: b.totalScore.toFixed(2) })}</li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel title={t("prefill.items", { bank: s.bankName })} hint={t("prefill.itemsHint")} testId="summons-items">
        <PrefillItems items={s.prefill.items} totals={s.prefill.itemTotals} />
      </Panel>
      <Panel title={t("detail.plan")} testId="summons-plan">
        <Filed text={s.plan.text} filedAt={s.plan.filedAt} returnReason={s.plan.returnReason} when={when} t={t} />
      </Panel>
      {has("filePlan") && <FilingForm kind="plan" summonsId={s.id} version={s.version} initial={s.plan.text ?? ""} />}
      {has("acceptPlan") && <ReviewForms kind="plan" summonsId={s.id} version={s.version} />}
      <Panel title={t("detail.completion")} testId="summons-completion">
        <Filed text={s.completion.text} filedAt={s.completion.filedAt} returnReason={s.completion.returnReason} when={when} t={t} />
      </Panel>
      {has("fileCompletion") && <FilingForm kind="completion" summonsId={s.id} version={s.version} initial={s.completion.text ?? ""} />}
      {has("acceptCompletion") && <ReviewForms kind="completion" summonsId={s.id} version={s.version} />}
      {has("cosign") && <CosignForm summonsId={s.id} version={s.version} />}
    </main>
  );
}

function Filed({
  text,
  filedAt,
  returnReason,
  when,
  t,
}: {
  text: string | null;
  filedAt: Date | null;
  returnReason: string | null;
  when: (d: Date | null) => string;
  t: Awaited<ReturnType<typeof getTranslations<"summons">>>;
}) {
  if (!text) return <p className="text-sm text-slate-600">{t("detail.notFiled")}</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">{t("detail.filedAt", { at: when(filedAt) })}</p>
      <p className="whitespace-pre-wrap">{text}</p>
      {returnReason && (
        <p className="text-sm text-red-800" data-testid="return-reason">
          {t("detail.returned", { reason: returnReason })}
        </p>
      )}
    </div>
  );
}
