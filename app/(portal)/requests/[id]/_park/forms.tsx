"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { StepForm } from "../step-form";
import { forwardRequestAction, returnRequestAction } from "./actions";

type TOption = { value: string; label: string };
type TProps = {
  requestId: string;
  version: number;
  mayForward: boolean;
  mayReturn: boolean;
  programName: string | null;
  mainBank: { id: string; name: string } | null;
  banks: TOption[];
};

/** Forward (automatic to the main contact bank, or a picked paired bank) and return. */
export function ParkForms({ requestId, version, mayForward, mayReturn, programName, mainBank, banks }: TProps) {
  const t = useTranslations("requestForm.park");
  const [mode, setMode] = useState<"auto" | "pick">(mainBank ? "auto" : "pick");
  const [copy, setCopy] = useState(true);
  const common = { requestId, version };
  return (
    <div className="grid gap-4">
      {mayForward && (
        <StepForm
          {...common}
          action={forwardRequestAction}
          title={t("forward.title")}
          submitLabel={t("forward.submit")}
          testId="form-forward"
        >
          {(field) => (
            <>
              {programName === null || banks.length === 0 ? (
                <p role="note" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  {t("forward.noBanks")}
                </p>
              ) : (
                <p className="text-sm text-slate-600">{t("forward.program", { program: programName })}</p>
              )}
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium text-slate-700">{t("forward.to")}</legend>
                <label className="flex items-start gap-2 text-sm text-slate-800">
                  <input
                    type="radio"
                    name="mode"
                    value="auto"
                    checked={mode === "auto"}
                    onChange={() => setMode("auto")}
                    disabled={!mainBank}
                    className="mt-1"
                  />
                  <span>{mainBank ? t("forward.auto", { bank: mainBank.name }) : t("forward.autoUnavailable")}</span>
                </label>
                {mode === "auto" && mainBank && (
                  <label className="ml-6 flex items-center gap-2 text-sm text-slate-800">
                    <input type="checkbox" name="copyParticipating" checked={copy} onChange={(e) => setCopy(e.target.checked)} />
                    {t("forward.copyParticipating")}
                  </label>
                )}
                <label className="flex items-start gap-2 text-sm text-slate-800">
                  <input
                    type="radio"
                    name="mode"
                    value="pick"
                    checked={mode === "pick"}
                    onChange={() => setMode("pick")}
                    disabled={banks.length === 0}
                    className="mt-1"
                  />
                  <span>{t("forward.pick")}</span>
                </label>
              </fieldset>
              {mode === "pick" && (
                <SelectField
                  name="bankOrgId"
                  label={t("forward.bank")}
                  placeholder={t("forward.choose")}
                  options={banks}
                  error={field("bankOrgId")}
                />
              )}
              <TextAreaField name="note" label={t("forward.note")} hint={t("forward.noteHint")} maxLength={500} error={field("note")} />
            </>
          )}
        </StepForm>
      )}
      {mayReturn && (
        <StepForm
          {...common}
          action={returnRequestAction}
          title={t("return.title")}
          submitLabel={t("return.submit")}
          testId="form-return"
          requiredNote
        >
          {(field) => (
            <>
              <p className="text-sm text-slate-700">{t("return.intro")}</p>
              <TextAreaField name="reason" label={t("return.reason")} maxLength={500} error={field("reason")} required />
            </>
          )}
        </StepForm>
      )}
    </div>
  );
}
