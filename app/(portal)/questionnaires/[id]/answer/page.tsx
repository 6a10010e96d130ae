import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { isUuid } from "@/lib/ids";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getQuestionnaireToAnswer } from "@/lib/questionnaires/queries/get-questionnaire-to-answer";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { AnswerForm } from "./answer-form";

export const dynamic = "force-dynamic";

// An enterprise answers a questionnaire of its target within the window, once; afterwards
// the page shows what it answered.
export default async function AnswerQuestionnairePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("questionnaires.answer");
  const { id } = await params;
  const [t, locale, q] = await Promise.all([
    getTranslations("questionnaires"),
    getLocale().then(resolveLocale),
    isUuid(id) ? getQuestionnaireToAnswer(db(), user, id) : null,
  ]);
  if (!q) notFound();
  const scale = (value: unknown) => (typeof value === "number" ? `${value} · ${t(`scale.${value}` as "scale.1")}` : null);
  const shownAnswer = (value: unknown) =>
    value === undefined ? t("answer.noAnswer") : Array.isArray(value) ? value.join("、") : (scale(value) ?? String(value));

  return (
    <main id="main" className="mx-auto max-w-2xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/enterprise" label={t("dashboard.title")} />
      <PageHeader title={q.title} intro={q.intro ?? undefined} />
      <p className="text-sm text-slate-700">{t("answer.closesOn", { date: formatDate(q.closesOn, locale) })}</p>
      <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800 ring-1 ring-slate-200" data-testid="answer-bank">
        {q.bankName ? t("answer.bankLine", { bank: q.bankName }) : t("answer.noBank")}
      </p>
      {q.answers && q.submittedAt ? (
        <Panel title={t("answer.yourAnswers")}>
          <p role="status" className="font-medium text-green-800" data-testid="questionnaire-answered">
            {t("answer.submitted", { at: formatDateTime(q.submittedAt, locale) })}
          </p>
          <dl className="space-y-3">
            {q.questions.map((question) => (
              <div key={question.id}>
                <dt className="font-medium">{question.text}</dt>
                <dd className="text-slate-800">{shownAnswer(q.answers?.[question.id])}</dd>
              </div>
            ))}
          </dl>
        </Panel>
      ) : q.shown === "OPEN" ? (
        <AnswerForm questionnaireId={q.id} questions={q.questions} />
      ) : (
        <p role="status" className="text-slate-700">
          {q.shown === "SCHEDULED" ? t("answer.scheduled", { date: formatDate(q.opensOn, locale) }) : t("answer.closed")}
        </p>
      )}
    </main>
  );
}
