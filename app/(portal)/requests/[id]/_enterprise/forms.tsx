"use client";

import { useTranslations } from "next-intl";
import { Rating, type RequestStatus } from "@/lib/generated/prisma/enums";
import type { TPanelStep } from "@/lib/requests/panel-steps";
import { RequiredMark } from "@/components/ui/field-label";
import { TextAreaField } from "@/components/ui/text-area-field";
import { AttachmentsEditor } from "../edit/attachments-editor";
import { StepForm } from "../step-form";
import { disputeReturnAction, rateRequestAction, submitDraftAction, supplyDocumentsAction, withdrawRequestAction } from "./actions";

/** What the documents step shows: what the bank asked for, the rule, the files not yet sent. */
export type TDocumentsStep = {
  asked: string | null;
  rule: string;
  pending: { id: string; fileName: string; sizeBytes: number; mimeType: string; createdAt: string }[];
  maxBytes: number;
  maxCount: number;
};

type TProps = {
  requestId: string;
  version: number;
  status: RequestStatus;
  steps: readonly TPanelStep<"enterprise">[];
  /** The finance office will check this withdrawal: the item was answered. */
  afterAnswer: boolean;
  /** Present while the bank's answer waits for documents (step supplyDocuments). */
  documents?: TDocumentsStep | null;
};

const RATINGS = [Rating.SATISFIED, Rating.BASICALLY_SATISFIED, Rating.DISSATISFIED] as const;

/** The enterprise's step forms, most likely first: documents, rate, submit, dispute, then withdraw. */
export function EnterpriseForms({ requestId, version, status, steps, afterAnswer, documents }: TProps) {
  const t = useTranslations("requestForm.panel");
  const tErrors = useTranslations("errors");
  const common = { requestId, version };
  return (
    <div className="grid gap-4">
      {steps.includes("supplyDocuments") && documents && (
        <div className="space-y-4" data-testid="documents-step">
          <div role="note" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900">
            {documents.asked && (
              <>
                <p className="font-medium">{t("supply.intro")}</p>
                <p className="whitespace-pre-line">{documents.asked}</p>
              </>
            )}
            <p className="text-sm" data-testid="documents-rule">
              {documents.rule}
            </p>
          </div>
          <p className="text-sm text-slate-700">{t("supply.filesHint")}</p>
          <AttachmentsEditor
            requestId={requestId}
            initial={documents.pending}
            maxBytes={documents.maxBytes}
            maxCount={documents.maxCount}
            title={t("supply.filesTitle")}
          />
          <StepForm
            {...common}
            action={supplyDocumentsAction}
            title={t("supply.title")}
            submitLabel={t("supply.submit")}
            testId="form-supply-documents"
            requiredNote
          >
            {(field) => <TextAreaField name="note" label={t("supply.note")} maxLength={1000} error={field("note")} required />}
          </StepForm>
        </div>
      )}
      {steps.includes("rate") && (
        <StepForm
          {...common}
          action={rateRequestAction}
          title={t("rate.title")}
          submitLabel={t("rate.submit")}
          testId="form-rate"
          requiredNote
        >
          {(field) => (
            <>
              <fieldset>
                <legend className="text-sm font-medium text-slate-700">
                  {t("rate.rating")}
                  <RequiredMark title={tErrors("form.requiredMark")} />
                </legend>
                <div className="mt-2 space-y-2">
                  {RATINGS.map((r) => (
                    <label key={r} className="flex items-start gap-2 text-sm text-slate-800">
                      <input type="radio" name="rating" value={r} className="mt-1" required />
                      <span>
                        {t(`rate.ratings.${r}`)}
                        {r === Rating.DISSATISFIED && <span className="block text-xs text-slate-600">{t("rate.dissatisfiedHint")}</span>}
                      </span>
                    </label>
                  ))}
                </div>
                {field("rating") && (
                  <p role="alert" className="mt-1 text-sm text-red-700">
                    {field("rating")}
                  </p>
                )}
              </fieldset>
              <TextAreaField name="comment" label={t("rate.comment")} maxLength={500} error={field("comment")} />
            </>
          )}
        </StepForm>
      )}
      {steps.includes("submit") && status === "DRAFT" && (
        <StepForm
          {...common}
          action={submitDraftAction}
          title={t("submit.title")}
          submitLabel={t("submit.submit")}
          testId="form-submit-draft"
        >
          {() => <p className="text-sm text-slate-700">{t("submit.intro")}</p>}
        </StepForm>
      )}
      {steps.includes("disputeReturn") && (
        <StepForm
          {...common}
          action={disputeReturnAction}
          title={t("dispute.title")}
          submitLabel={t("dispute.submit")}
          testId="form-dispute"
          requiredNote
        >
          {(field) => (
            <>
              <p className="text-sm text-slate-700">{t("dispute.intro")}</p>
              <TextAreaField name="note" label={t("dispute.note")} maxLength={500} error={field("note")} required />
            </>
          )}
        </StepForm>
      )}
      {steps.includes("withdraw") && (
        <StepForm
          {...common}
          action={withdrawRequestAction}
          title={t("withdraw.title")}
          submitLabel={t("withdraw.submit")}
          testId="form-withdraw"
          requiredNote
        >
          {(field) => (
            <>
              <p className="text-sm text-slate-700">{t("withdraw.intro")}</p>
              {afterAnswer && (
                <p role="note" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  {t("withdraw.afterAnswer")}
                </p>
              )}
              <TextAreaField name="reason" label={t("withdraw.reason")} maxLength={500} error={field("reason")} required />
            </>
          )}
        </StepForm>
      )}
    </div>
  );
}
