"use client";

import { RequiredNote } from "@/components/forms/required-note";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { useFields } from "@/components/forms/use-fields";
import { Panel } from "@/components/ui/panel";
import { addCalendarDayAction, loadOfficialCalendarYearAction, publishCalendarYearAction, removeCalendarDayAction } from "./actions";

type TState<T> = TActionResult<T> | null;

function Outcome({ state, done }: { state: TState<unknown>; done?: string }) {
  const t = useTranslations("calendar");
  const { form } = useFormErrors(state, t);
  if (!state) return null;
  if (state.ok) {
    return done ? (
      <p role="status" className="text-green-800">
        {done}
      </p>
    ) : null;
  }
  return <FormAlert message={form} />;
}

export function AddDayForm({ year }: { year: number }) {
  const t = useTranslations("calendar");
  const [state, action, pending] = useActionState<TState<{ dueChanged: number }>, FormData>(addCalendarDayAction, null);
  const fields = useFields({ date: "", kind: "", name: "" });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  // After a day is added, start the next one from empty fields (React has reset the form's
  // <select> already; keep the state in line with what is shown).
  const [handled, setHandled] = useState(state);
  if (state !== handled) {
    setHandled(state);
    if (state?.ok) for (const name of ["date", "kind", "name"]) fields.set(name, "");
  }
  return (
    <Panel framed level={3} title={t("add.title")} hint={t("add.hint")}>
      <RequiredNote />
      <form
        ref={focusScope}
        action={action}
        onSubmit={keepValuesOnSubmit(action)}
        className="grid gap-3 sm:grid-cols-4 sm:items-start"
        noValidate
      >
        <TextField
          {...fields.bind("date")}
          type="date"
          min={`${year}-01-01`}
          max={`${year}-12-31`}
          label={t("add.date")}
          error={errors.field("date")}
          required
        />
        <SelectField
          {...fields.bind("kind")}
          label={t("add.kind")}
          placeholder={t("add.kindPlaceholder")}
          options={[
            { value: "HOLIDAY", label: t("kinds.HOLIDAY") },
            { value: "WORKDAY", label: t("kinds.WORKDAY") },
          ]}
          error={errors.field("kind")}
          required
        />
        <TextField
          {...fields.bind("name")}
          label={t("add.name")}
          hint={t("add.nameHint")}
          maxLength={40}
          error={errors.field("name")}
          required
        />
        <div className="sm:pt-6">
          <Button type="submit" disabled={pending}>
            {t("add.submit")}
          </Button>
        </div>
      </form>
      <Outcome state={state} done={state?.ok ? t("add.done", { dueChanged: state.data.dueChanged }) : undefined} />
    </Panel>
  );
}

export function RemoveDayButton({ date }: { date: string }) {
  const t = useTranslations("calendar");
  const [state, action, pending] = useActionState<TState<{ dueChanged: number }>, FormData>(removeCalendarDayAction, null);
  const formRef = useFocusFirstError(state);
  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("removeConfirm", { date }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="date" value={date} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("removeLabel", { date })}
        className="text-red-700 underline-offset-2 hover:underline disabled:opacity-60"
      >
        {t("remove")}
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function PublishYearForm({ year }: { year: number }) {
  const t = useTranslations("calendar");
  const [state, action, pending] = useActionState<TState<{ dueChanged: number; provisionalChanged: number }>, FormData>(
    publishCalendarYearAction,
    null,
  );
  const fields = useFields({ source: "" });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <Panel framed level={3} title={t("publish.title")} hint={t("publish.hint")}>
      <RequiredNote />
      <form ref={focusScope} action={action} onSubmit={keepValuesOnSubmit(action)} className="flex flex-wrap items-start gap-3" noValidate>
        <input type="hidden" name="year" value={year} />
        <TextField
          {...fields.bind("source")}
          label={t("publish.source")}
          hint={t("publish.sourceHint")}
          maxLength={200}
          error={errors.field("source")}
          className="grow"
          required
        />
        <div className="pt-6">
          <Button type="submit" disabled={pending}>
            {t("publish.submit")}
          </Button>
        </div>
      </form>
      <Outcome state={state} done={state?.ok ? t("publish.done", { provisionalChanged: state.data.provisionalChanged }) : undefined} />
    </Panel>
  );
}

export function LoadOfficialForm({ year, source }: { year: number; source: string }) {
  const t = useTranslations("calendar");
  const [state, action, pending] = useActionState<TState<{ added: number; updated: number; dueChanged: number }>, FormData>(
    loadOfficialCalendarYearAction,
    null,
  );
  const formRef = useFocusFirstError(state);
  return (
    <Panel framed level={3} title={t("loadOfficial.title")} hint={t("loadOfficial.hint", { source })}>
      <form ref={formRef} action={action} onSubmit={keepValuesOnSubmit(action)}>
        <input type="hidden" name="year" value={year} />
        <Button type="submit" disabled={pending}>
          {t("loadOfficial.submit", { year })}
        </Button>
      </form>
      <Outcome state={state} done={state?.ok ? t("loadOfficial.done", state.data) : undefined} />
    </Panel>
  );
}
