"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { RequiredNote } from "@/components/forms/required-note";
import { FormAlert } from "@/components/forms/form-alert";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { useErrorMessage } from "@/components/forms/form-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TReviewResult } from "@/lib/registry/mutations/review-registration";
import type { TActionResult } from "@/lib/server/action";
import { approveRegistrationAction, rejectRegistrationAction } from "./actions";

type TState = TActionResult<TReviewResult> | null;

// Approve, or reject with a reason, one registration. After either succeeds the card
// says so in place of the buttons (the list is fresh again on the next visit).
export function ReviewActions({ enterpriseId, name }: { enterpriseId: string; name: string }) {
  const t = useTranslations("registration");
  const [approved, approve, approving] = useActionState<TState, FormData>(approveRegistrationAction, null);
  const [rejected, reject, rejecting] = useActionState<TState, FormData>(rejectRegistrationAction, null);
  const [reason, setReason] = useState("");
  const message = useErrorMessage(t);
  const approveRef = useFocusFirstError(approved);
  const rejectRef = useFocusFirstError(rejected);

  if (approved?.ok) {
    return (
      <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-900">
        {t("review.approved", { name })}
      </p>
    );
  }
  if (rejected?.ok) {
    return (
      <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t("review.rejected", { name })}
      </p>
    );
  }

  const reasonCode = rejected && !rejected.ok ? rejected.fieldErrors?.reason : undefined;
  const failed = [approved, rejected].find((s) => s && !s.ok && !s.fieldErrors?.reason);
  // A malformed id is reported as not found (the form only ever sends ids it was given).
  const failure = failed && !failed.ok ? message(failed.error === "invalidInput" ? "notFound" : failed.error) : null;
  const busy = approving || rejecting;

  return (
    <div className="space-y-3">
      <FormAlert message={failure ?? undefined} />
      <RequiredNote />
      <div className="flex flex-wrap items-end gap-3">
        <form ref={approveRef} action={approve}>
          <input type="hidden" name="enterpriseId" value={enterpriseId} />
          <Button type="submit" disabled={busy} aria-label={`${t("review.approve")} ${name}`}>
            {t("review.approve")}
          </Button>
        </form>
        <form ref={rejectRef} action={reject} className="flex flex-1 flex-wrap items-start gap-2" noValidate>
          <input type="hidden" name="enterpriseId" value={enterpriseId} />
          <TextField
            name="reason"
            label={t("review.rejectReason")}
            hint={t("review.rejectReasonHint")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reasonCode ? t(`errors.${reasonCode}`) : undefined}
            maxLength={500}
            className="min-w-56 flex-1"
            required
          />
          <button
            type="submit"
            disabled={busy}
            aria-label={`${t("review.reject")} ${name}`}
            className="mt-6 rounded-md border border-red-700 px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
          >
            {t("review.reject")}
          </button>
        </form>
      </div>
    </div>
  );
}
