import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { DetailList } from "@/components/ui/detail-list";
import { DownloadLink } from "@/components/ui/download-link";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { secondaryLinkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { can } from "@/lib/auth/permissions";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { cursorParam, parsePageCursor } from "@/lib/pagination/keyset";
import { getQuestionnaire, type TBankSatisfaction } from "@/lib/questionnaires/queries/get-questionnaire";
import { listQuestionnaireResponses, type TResponseRow } from "@/lib/questionnaires/queries/list-questionnaire-responses";
import { responseRate, shownStatus } from "@/lib/questionnaires/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { isUuid } from "@/lib/ids";
import { statusTone } from "../status-tone";
import { StepForm } from "./step-form";

export const dynamic = "force-dynamic";

const day = (d: Date) => d.toISOString().slice(0, 10);

// One questionnaire: its questions, target and window; the response rate, each bank's
// satisfaction and the responses (keyset pages), with the finance office's open/close.
export default async function QuestionnairePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("questionnaires.read");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [t, locale, q] = await Promise.all([
    getTranslations("questionnaires"),
    getLocale().then(resolveLocale),
    getQuestionnaire(db(), user, id),
  ]);
  if (!q) notFound();
  const responses = await listQuestionnaireResponses(db(), user, q.id, parsePageCursor(await searchParams));
  const shown = shownStatus(q.status, day(q.opensOn), day(q.closesOn), shanghaiDateString(new Date()));
  const mayManage = can(user.role, "questionnaires.manage");
  const rate = responseRate(q.answered, q.targeted);
  const target =
    q.target === "PARK"
      ? t("targetPark", { name: q.targetParkName ?? "—" })
      : q.target === "TAG"
        ? t("targetTag", { tag: q.targetTag ?? "—" })
        : q.target === "KEY_LIST"
          ? t("targetList", { name: q.targetListName ?? "—" })
          : t("targets.ALL");

  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/questionnaires" label={t("title")} />
      <PageHeader
        title={q.title}
        intro={q.intro ?? undefined}
        actions={
          can(user.role, "questionnaires.export") &&
          q.status !== "DRAFT" && (
            <DownloadLink href={`/questionnaires/${q.id}/export`} className={secondaryLinkClass}>
              {t("export")}
            </DownloadLink>
          )
        }
      />
      <DetailList
        rows={[
          [
            t("columns.status"),
            <Badge key="s" tone={statusTone(shown)}>
              {t(`statuses.${shown}`)}
            </Badge>,
          ],
          [t("columns.period"), t("periodLabel", { year: q.year, quarter: q.quarter })],
          [t("columns.target"), target],
          [t("columns.window"), t("windowLabel", { opens: formatDate(q.opensOn, locale), closes: formatDate(q.closesOn, locale) })],
          ...(q.openedAt ? [[t("detail.opened"), formatDateTime(q.openedAt, locale)] as const] : []),
        ]}
      />
      {mayManage && q.status === "DRAFT" && <StepForm step="open" questionnaireId={q.id} version={q.version} />}
      {mayManage && shown === "OPEN" && <StepForm step="close" questionnaireId={q.id} version={q.version} />}

      <Panel title={t("detail.questions")}>
        <ol className="list-decimal space-y-2 pl-6">
          {q.questions.map((question) => (
            <li key={question.id}>
              <span className="font-medium">{question.text}</span>{" "}
              <span className="text-sm text-slate-600">
                （{t(`kinds.${question.kind}`)}
                {question.satisfaction ? `，${t("detail.satisfactionMark")}` : ""}）
              </span>
              {question.options.length > 0 && <p className="text-sm text-slate-700">{question.options.join(" / ")}</p>}
            </li>
          ))}
        </ol>
      </Panel>

      {q.status !== "DRAFT" && (
        <>
          <Panel title={t("detail.rate")}>
            <p data-testid="response-rate">
              {t("detail.rateLine", { answered: q.answered, targeted: q.targeted, rate: rate === null ? "—" : `${rate.toFixed(2)}%` })}
            </p>
          </Panel>
          <Panel title={t("detail.banks")}>
            {q.banks.length === 0 ? (
              <p className="text-slate-600">{t("detail.noResponses")}</p>
            ) : (
              <DataTable<TBankSatisfaction>
                caption={t("detail.banksCaption")}
                testId="bank-satisfaction"
                rows={q.banks}
                rowKey={(b) => b.bankOrgId ?? "none"}
                columns={[
                  { key: "bank", header: t("columns.bank"), rowHeader: true, cell: (b) => b.bankName ?? t("detail.noBank") },
                  { key: "responses", header: t("detail.responses"), numeric: true, onCard: true, cell: (b) => b.responses },
                  { key: "rated", header: t("columns.rated"), numeric: true, onCard: true, cell: (b) => b.rated },
                  { key: "satisfied", header: t("columns.satisfied"), numeric: true, onCard: true, cell: (b) => b.satisfied },
                  {
                    key: "percent",
                    header: t("columns.satisfaction"),
                    numeric: true,
                    onCard: true,
                    cell: (b) => (b.percent === null ? "—" : `${b.percent.toFixed(2)}%`),
                  },
                ]}
              />
            )}
          </Panel>
          <Panel title={t("detail.responses")}>
            {responses.rows.length === 0 ? (
              <p className="text-slate-600">{t("detail.noResponses")}</p>
            ) : (
              <DataTable<TResponseRow>
                caption={t("detail.responses")}
                testId="questionnaire-responses"
                rows={responses.rows}
                rowKey={(r) => r.id}
                columns={[
                  { key: "enterprise", header: t("columns.enterprise"), rowHeader: true, cell: (r) => r.enterpriseName },
                  { key: "park", header: t("columns.park"), onCard: true, cell: (r) => r.parkName },
                  { key: "bank", header: t("columns.bank"), onCard: true, cell: (r) => r.bankName ?? "—" },
                  {
                    key: "satisfied",
                    header: t("columns.satisfied"),
                    numeric: true,
                    onCard: true,
                    cell: (r) => `${r.satisfied} / ${r.rated}`,
                  },
                  {
                    key: "submittedAt",
                    header: t("columns.submittedAt"),
                    onCard: true,
                    cell: (r) => formatDateTime(r.submittedAt, locale),
                  },
                ]}
              />
            )}
            <KeysetPager
              previous={responses.previous}
              next={responses.next}
              hrefFor={(c) => `/questionnaires/${q.id}?${cursorParam(c.direction)}=${c.token}`}
              labels={{ nav: t("responsesPager"), previous: t("previous"), next: t("next") }}
            />
          </Panel>
        </>
      )}
    </main>
  );
}
