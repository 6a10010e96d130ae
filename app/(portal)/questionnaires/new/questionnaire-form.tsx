"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { RequiredNote } from "@/components/forms/required-note";
import { useFields } from "@/components/forms/use-fields";
import { STANDARD_QUESTIONS } from "@/lib/questionnaires/standard-questions";
import { Button } from "@/components/ui/button";
import { FieldGroup } from "@/components/ui/field-group";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { QUESTION_KINDS, QUESTIONNAIRE_LIMITS, type TQuestionKind } from "@/lib/questionnaires/schemas";
import type { TActionResult } from "@/lib/server/action";
import { createQuestionnaireAction } from "../actions";

type TDraftQuestion = { kind: TQuestionKind; text: string; options: string; required: boolean; satisfaction: boolean; maxLength: string };

// The builder starts from the standard quarterly survey, each question as its editable draft.
const STARTER: TDraftQuestion[] = STANDARD_QUESTIONS.map((q) => ({
  kind: q.kind,
  text: q.text,
  options: q.options.join("\n"),
  required: q.required,
  satisfaction: q.satisfaction,
  maxLength: String(q.maxLength),
}));

const OPTIONS_MAX = QUESTIONNAIRE_LIMITS.options * (QUESTIONNAIRE_LIMITS.option + 1);

function toQuestions(rows: TDraftQuestion[]) {
  return rows.map((q, i) => ({
    id: `q${i + 1}`,
    kind: q.kind,
    text: q.text,
    required: q.required,
    options:
      q.kind === "single" || q.kind === "multi"
        ? q.options
            .split(/\r?\n/)
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    satisfaction: q.kind === "scale" && q.satisfaction,
    maxLength: Number(q.maxLength) || 500,
  }));
}

/** The finance office writes a questionnaire: its quarter, target, window and questions; saved as a draft. */
export function QuestionnaireForm({
  parks,
  lists,
  today,
}: {
  parks: { id: string; name: string }[];
  lists: { id: string; name: string }[];
  today: string;
}) {
  const t = useTranslations("questionnaires");
  const [state, formAction, pending] = useActionState<TActionResult<{ questionnaireId: string }> | null, FormData>(
    createQuestionnaireAction,
    null,
  );
  const year = Number(today.slice(0, 4));
  const fields = useFields({
    year: String(year),
    quarter: String(Math.ceil(Number(today.slice(5, 7)) / 3)),
    target: "ALL",
    opensOn: today,
  });
  const [questions, setQuestions] = useState<TDraftQuestion[]>(STARTER);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const change = (i: number, patch: Partial<TDraftQuestion>) =>
    setQuestions((list) => list.map((q, k) => (k === i ? { ...q, ...patch } : q)));

  if (state?.ok) {
    return (
      <p role="status" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <Link
          href={`/questionnaires/${state.data.questionnaireId}`}
          className="text-brand-700 underline"
          data-testid="questionnaire-created"
        >
          {t("detail.questions")}
        </Link>
      </p>
    );
  }

  return (
    <form ref={focusScope} action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-6" noValidate>
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <input type="hidden" name="questions" value={JSON.stringify(toQuestions(questions))} />
      <FieldGroup title={t("title")}>
        <TextField
          {...fields.bind("title")}
          label={t("form.title")}
          required
          maxLength={QUESTIONNAIRE_LIMITS.title}
          error={errors.field("title")}
        />
        <TextAreaField
          {...fields.bind("intro")}
          label={t("form.intro")}
          maxLength={QUESTIONNAIRE_LIMITS.intro}
          error={errors.field("intro")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            {...fields.bind("year")}
            label={t("form.year")}
            required
            options={[year - 1, year, year + 1].map((y) => ({ value: String(y), label: String(y) }))}
            error={errors.field("year")}
          />
          <SelectField
            {...fields.bind("quarter")}
            label={t("form.quarter")}
            required
            options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t("form.quarterOption", { quarter: q }) }))}
            error={errors.field("quarter")}
          />
        </div>
        <SelectField
          {...fields.bind("target")}
          label={t("form.target")}
          required
          options={(["ALL", "PARK", "TAG", "KEY_LIST"] as const).map((k) => ({ value: k, label: t(`targets.${k}`) }))}
          error={errors.field("target")}
        />
        {fields.values.target === "PARK" && (
          <SelectField
            {...fields.bind("targetParkId")}
            label={t("form.targetPark")}
            required
            placeholder="—"
            options={parks.map((p) => ({ value: p.id, label: p.name }))}
            error={errors.field("targetParkId")}
          />
        )}
        {fields.values.target === "KEY_LIST" && (
          <SelectField
            {...fields.bind("targetListId")}
            label={t("form.targetList")}
            hint={t("form.targetListHint")}
            required
            placeholder="—"
            options={lists.map((l) => ({ value: l.id, label: l.name }))}
            error={errors.field("targetListId")}
          />
        )}
        {fields.values.target === "TAG" && (
          <TextField
            {...fields.bind("targetTag")}
            label={t("form.targetTag")}
            hint={t("form.targetTagHint")}
            required
            maxLength={QUESTIONNAIRE_LIMITS.tag}
            error={errors.field("targetTag")}
          />
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            {...fields.bind("opensOn")}
            type="date"
            label={t("form.opensOn")}
            hint={t("form.windowHint")}
            required
            error={errors.field("opensOn")}
          />
          <TextField {...fields.bind("closesOn")} type="date" label={t("form.closesOn")} required error={errors.field("closesOn")} />
        </div>
      </FieldGroup>
      <FieldGroup title={t("form.questions")} hint={errors.field("questions")}>
        {questions.map((q, i) => (
          <div key={i} className="space-y-3 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0" data-testid="question-row">
            <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
              <SelectField
                name={`questions.${i}.kind`}
                value={q.kind}
                onChange={(e) => change(i, { kind: e.target.value as TQuestionKind })}
                label={t("form.kind")}
                options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              />
              <TextField
                name={`questions.${i}.text`}
                value={q.text}
                onChange={(e) => change(i, { text: e.target.value })}
                label={t("form.questionText", { n: i + 1 })}
                required
                maxLength={QUESTIONNAIRE_LIMITS.question}
                error={errors.field(`questions.${i}.text`)}
              />
            </div>
            {(q.kind === "single" || q.kind === "multi") && (
              <TextAreaField
                name={`questions.${i}.options`}
                value={q.options}
                onChange={(e) => change(i, { options: e.target.value })}
                label={t("form.options")}
                required
                maxLength={OPTIONS_MAX}
                error={errors.field(`questions.${i}.options`) ?? errors.field(`questions.${i}.options.0`)}
              />
            )}
            {q.kind === "text" && (
              <TextField
                name={`questions.${i}.maxLength`}
                value={q.maxLength}
                onChange={(e) => change(i, { maxLength: e.target.value })}
                type="number"
                inputMode="numeric"
                min={1}
                max={QUESTIONNAIRE_LIMITS.textAnswerMax}
                label={t("form.maxLength")}
                error={errors.field(`questions.${i}.maxLength`)}
              />
            )}
            <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
              <label className="inline-flex items-center gap-2">
                <input type="checkbox" checked={q.required} onChange={(e) => change(i, { required: e.target.checked })} />
                {t("form.required")}
              </label>
              {q.kind === "scale" && (
                <label className="inline-flex items-center gap-2">
                  <input type="checkbox" checked={q.satisfaction} onChange={(e) => change(i, { satisfaction: e.target.checked })} />
                  {t("form.satisfaction")}
                </label>
              )}
              {questions.length > 1 && (
                <Button
                  type="button"
                  className="!bg-white !text-brand-700 ring-1 ring-slate-300 hover:!bg-slate-50"
                  onClick={() => setQuestions((list) => list.filter((_, k) => k !== i))}
                >
                  {t("form.removeQuestion", { n: i + 1 })}
                </Button>
              )}
            </div>
            {q.kind === "scale" && q.satisfaction && <p className="text-sm text-slate-600">{t("form.satisfactionHint")}</p>}
          </div>
        ))}
        {questions.length < QUESTIONNAIRE_LIMITS.questions && (
          <Button
            type="button"
            className="!bg-white !text-brand-700 ring-1 ring-slate-300 hover:!bg-slate-50"
            onClick={() =>
              setQuestions((list) => [
                ...list,
                { kind: "scale", text: "", options: "", required: true, satisfaction: false, maxLength: "500" },
              ])
            }
          >
            {t("form.addQuestion")}
          </Button>
        )}
      </FieldGroup>
      <Button type="submit" disabled={pending}>
        {t("form.save")}
      </Button>
    </form>
  );
}
