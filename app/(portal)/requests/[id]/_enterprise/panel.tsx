import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { canActor } from "@/lib/auth/permissions";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import { panelSteps } from "@/lib/requests/panel-steps";
import { isAnsweredOnce } from "@/lib/requests/workflow/transitions";
import type { TRequestDetail } from "@/lib/requests/queries/get-request-detail";
import { EnterpriseForms, type TDocumentsStep } from "./forms";
import { scopeContextFor } from "@/lib/server/scope-context";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_REQUEST } from "@/lib/attachments/rules";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { documentsDueAt } from "@/lib/requests/documents-deadline";
import { db } from "@/lib/server/db";

/** The documents step's view: what the bank asked for, the rule in words, the files not yet sent. */
async function documentsStep(detail: TRequestDetail): Promise<TDocumentsStep | null> {
  if (!detail.answeredAt) return null;
  const [t, locale, calendar] = await Promise.all([
    getTranslations("requestForm.panel"),
    getLocale().then(resolveLocale),
    loadWorkingCalendar(db()),
  ]);
  const answeredAt = detail.answeredAt;
  const due = documentsDueAt(answeredAt, detail.supplementDeadlineDays, calendar);
  const answer = detail.answer && typeof detail.answer === "object" && !Array.isArray(detail.answer) ? detail.answer : {};
  const asked = typeof answer.documents === "string" ? answer.documents : null;
  const pending = detail.attachments.filter((a) => !a.sent && a.createdAt.getTime() >= answeredAt.getTime());
  return {
    asked,
    rule: t("supply.rule", {
      documentsDue: formatDateTime(due, locale),
      days: detail.supplementDeadlineDays,
      bank: detail.assignedBankName ?? "—",
      replyDays: detail.replyDeadlineDays,
    }),
    pending: pending.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    maxBytes: MAX_ATTACHMENT_BYTES,
    // The limit counts every file of the item; the editor lists only the ones not yet sent.
    maxCount: Math.max(0, MAX_ATTACHMENTS_PER_REQUEST - (detail.attachments.length - pending.length)),
  };
}

/**
 * The enterprise's own steps on its item: edit and (re)submit a draft or returned item,
 * contest a return, send the documents a bank asked for, rate an answer, withdraw. Nothing for anyone but a user of the
 * enterprise that wrote the item, and nothing once no step applies.
 */
export async function EnterprisePanel({ detail, user }: { detail: TRequestDetail; user: TSessionUser }) {
  const actor = actorOf(user);
  if (!canActor(actor, "requests.create")) return null;
  const { enterpriseId } = await scopeContextFor(user);
  if (!enterpriseId || enterpriseId !== detail.enterpriseId) return null;
  const steps = panelSteps("enterprise", { actor, coveredBankIds: [] }, detail, new Date());
  if (steps.length === 0) return null;
  const t = await getTranslations("requestForm.panel");
  return (
    <section aria-labelledby="enterprise-panel-title" className="space-y-4" data-testid="enterprise-panel">
      <h2 id="enterprise-panel-title" className="text-lg font-medium">
        {t("title")}
      </h2>
      {detail.status === "RETURNED" && (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900" data-testid="return-reason">
          <h3 className="font-medium">{t("returnedTitle")}</h3>
          <p className="mt-1 whitespace-pre-line">{detail.returnReason ?? t("noReason")}</p>
          {detail.returnDisputedAt && <p className="mt-2 text-sm">{t("disputePending")}</p>}
        </div>
      )}
      {steps.includes("edit") && (
        <div className="flex flex-wrap items-center gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <p className="grow text-sm text-slate-700">{detail.status === "DRAFT" ? t("draftIntro") : t("returnedIntro")}</p>
          <Link
            href={`/requests/${detail.id}/edit`}
            className="rounded-md bg-white px-4 py-2 font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
            data-testid="edit-request"
          >
            {t("edit")}
          </Link>
        </div>
      )}
      <EnterpriseForms
        requestId={detail.id}
        version={detail.version}
        status={detail.status}
        steps={steps}
        afterAnswer={isAnsweredOnce(detail)}
        documents={steps.includes("supplyDocuments") ? await documentsStep(detail) : null}
      />
    </section>
  );
}
