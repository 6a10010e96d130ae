"use client";

import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import {
  addOneOnOneAction,
  addParticipatingBankAction,
  endOneOnOneAction,
  removeParticipatingBankAction,
  setMainBankAction,
} from "./actions";
// React resets uncontrolled fields after an action; controlled ones keep what was typed.
import { useFields } from "@/components/forms/use-fields";

type TState = TActionResult<{ pairingId: string }> | null;
type TOption = { value: string; label: string };

const FORM_ACTIONS = {
  setMain: setMainBankAction,
  addParticipating: addParticipatingBankAction,
  addOneOnOne: addOneOnOneAction,
} as const;

const END_ACTIONS = {
  removeParticipating: removeParticipatingBankAction,
  endOneOnOne: endOneOnOneAction,
} as const;

function Outcome({ state, errors }: { state: TState; errors: ReturnType<typeof useFormErrors> }) {
  const t = useTranslations("pairings");
  if (state?.ok)
    return (
      <p role="status" className="text-sm text-green-800">
        {t("done")}
      </p>
    );
  return <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />;
}

type TBind = ReturnType<ReturnType<typeof useFields>["bind"]>;

function ReasonField({ locked, error, compact = false, bind }: { locked: boolean; error?: string; compact?: boolean; bind: TBind }) {
  const t = useTranslations("pairings");
  return (
    <TextField
      {...bind}
      label={t("fields.reason")}
      hint={compact ? undefined : t(locked ? "fields.reasonHintLocked" : "fields.reasonHint")}
      maxLength={500}
      error={error}
      className={compact ? "min-w-48" : "grow"}
    />
  );
}

type TField =
  | { kind: "select"; name: string; label: string; options: TOption[] }
  | { kind: "text"; name: string; label: string; inputMode?: "tel" | "text" };

/** A change form: the fields, a reason (needed once pairings are locked), a submit button. */
export function ChangeForm({ name, fields, locked }: { name: keyof typeof FORM_ACTIONS; fields: TField[]; locked: boolean }) {
  const t = useTranslations("pairings");
  const [state, action, pending] = useActionState<TState, FormData>(FORM_ACTIONS[name], null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const fieldValues = useFields();
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid={`form-${name}`}
    >
      <h3 id={headingId} className="font-medium">
        {t(`forms.${name}.title`)}
      </h3>
      <form ref={focusScope} action={action} onSubmit={keepValuesOnSubmit(action)} className="flex flex-wrap items-start gap-3" noValidate>
        {fields.map((f) =>
          f.kind === "select" ? (
            <SelectField
              key={f.name}
              {...fieldValues.bind(f.name)}
              label={f.label}
              options={f.options}
              placeholder={t("choose")}
              error={errors.field(f.name)}
              className="min-w-56 grow"
            />
          ) : (
            <TextField
              key={f.name}
              {...fieldValues.bind(f.name)}
              label={f.label}
              inputMode={f.inputMode}
              maxLength={40}
              error={errors.field(f.name)}
              className="min-w-40"
            />
          ),
        )}
        <ReasonField locked={locked} error={errors.field("reason")} bind={fieldValues.bind("reason")} />
        <div className="self-end">
          <Button type="submit" disabled={pending}>
            {t(`forms.${name}.submit`)}
          </Button>
        </div>
      </form>
      <Outcome state={state} errors={errors} />
    </section>
  );
}

/** Ends one pairing from its row (participating bank, 1+1), with a reason field. */
export function EndPairingButton({
  name,
  pairingId,
  label,
  locked,
}: {
  name: keyof typeof END_ACTIONS;
  pairingId: string;
  label: string;
  locked: boolean;
}) {
  const t = useTranslations("pairings");
  const [state, action, pending] = useActionState<TState, FormData>(END_ACTIONS[name], null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const fieldValues = useFields();
  return (
    <div className="space-y-1">
      <form ref={focusScope} action={action} onSubmit={keepValuesOnSubmit(action)} className="flex flex-wrap items-end gap-2" noValidate>
        <input type="hidden" name="pairingId" value={pairingId} />
        <ReasonField locked={locked} error={errors.field("reason")} bind={fieldValues.bind("reason")} compact />
        <Button type="submit" disabled={pending} className="px-3 py-1.5 text-sm">
          {t(`forms.${name}.submit`)}
          <span className="sr-only"> {label}</span>
        </Button>
      </form>
      <Outcome state={state} errors={errors} />
    </div>
  );
}
