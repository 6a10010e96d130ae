"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { RequiredNote } from "@/components/forms/required-note";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { TAnswers, TQuestion } from "@/lib/questionnaires/schemas";
import type { TActionResult } from "@/lib/server/action";
import { answerQuestionnaireAction } from "../../actions";

const SCALE = [1, 2, 3, 4, 5] as const;

// One question a card, big touch targets: the form is mostly answered on a phone. The
// answers travel as one JSON field; the server checks each against its question.
export function AnswerForm({ questionnaireId, questions }: { questionnaireId: string; questions: TQuestion[] }) {
  const t = useTranslations("questionnaires");
  const [state, formAction, pending] = useActionState<TActionResult<{ responseId: string }> | null, FormData>(
    answerQuestionnaireAction,
    null,
  );
  const [answers, setAnswers] = useState<TAnswers>({});
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const set = (id: string, value: TAnswers[string]) => setAnswers((a) => ({ ...a, [id]: value }));

  if (state?.ok) {
    return (
      <p
        role="status"
        className="rounded-lg bg-white p-6 font-medium text-green-800 shadow-sm ring-1 ring-slate-200"
        data-testid="questionnaire-answered"
      >
        {t("answer.thanks")}
      </p>
    );
  }

  return (
    <form ref={focusScope} action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-4" noValidate>
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <input type="hidden" name="questionnaireId" value={questionnaireId} />
      <input type="hidden" name="answers" value={JSON.stringify(answers)} />
      {questions.map((q, i) => {
        const error = errors.field(`answers.${q.id}`);
        const errorId = `answer-${q.id}-error`;
        const label = `${i + 1}. ${q.text}`;
        if (q.kind === "text") {
          return (
            <div key={q.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <TextAreaField
                name={`answers.${q.id}`}
                label={label}
                required={q.required}
                maxLength={q.maxLength}
                value={typeof answers[q.id] === "string" ? (answers[q.id] as string) : ""}
                onChange={(e) => set(q.id, e.target.value)}
                error={error}
              />
            </div>
          );
        }
        const choices: { value: string | number; label: string }[] =
          q.kind === "scale"
            ? SCALE.map((n) => ({ value: n, label: `${n} · ${t(`scale.${n}`)}` }))
            : q.options.map((o) => ({ value: o, label: o }));
        const current = answers[q.id];
        const checked = (value: string | number) => (Array.isArray(current) ? current.includes(String(value)) : current === value);
        return (
          <fieldset
            key={q.id}
            className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
            role={q.kind === "multi" ? undefined : "radiogroup"}
            aria-labelledby={`answer-${q.id}-label`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            aria-required={q.kind !== "multi" && q.required ? true : undefined}
            tabIndex={error ? -1 : undefined}
            data-testid={`question-${q.id}`}
          >
            <legend id={`answer-${q.id}-label`} className="px-1 font-medium">
              {label}
              {q.required && (
                <span aria-hidden="true" className="ml-0.5 text-red-700">
                  *
                </span>
              )}
            </legend>
            <div className="mt-2 grid gap-2">
              {choices.map((c) => (
                <label
                  key={String(c.value)}
                  className="flex min-h-11 items-center gap-3 rounded-md px-3 py-2 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-brand-600"
                >
                  <input
                    type={q.kind === "multi" ? "checkbox" : "radio"}
                    name={`answers.${q.id}`}
                    value={String(c.value)}
                    checked={checked(c.value)}
                    onChange={(e) => {
                      if (q.kind === "multi") {
                        const list = Array.isArray(current) ? current : [];
                        set(q.id, e.target.checked ? [...list, String(c.value)] : list.filter((v) => v !== String(c.value)));
                      } else set(q.id, c.value);
                    }}
                    className="h-5 w-5"
                  />
                  {c.label}
                </label>
              ))}
            </div>
            {error && (
              <p id={errorId} className="mt-2 text-sm text-red-700">
                {error}
              </p>
            )}
          </fieldset>
        );
      })}
      <p className="text-sm text-slate-700">{t("answer.finalHint")}</p>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {t("answer.submit")}
      </Button>
    </form>
  );
}
