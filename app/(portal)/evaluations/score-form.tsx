"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { RequiredNote } from "@/components/forms/required-note";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { EVALUATION_COMMENT_MAX } from "@/lib/evaluation/schemas";
import type { TActionResult } from "@/lib/server/action";
import { enterEvaluationScoresAction } from "./actions";

type TCriterion = { key: string; name: string; maxPoints: number };

/** One office's points for one bank, a field per criterion of that office, and a comment. */
export function ScoreForm({
  evaluationId,
  bankOrgId,
  rulesVersion,
  office,
  criteria,
  points,
  comment,
}: {
  evaluationId: string;
  bankOrgId: string;
  rulesVersion: number;
  office: "pbc" | "finance";
  criteria: TCriterion[];
  points: number[] | null;
  comment: string | null;
}) {
  const t = useTranslations("evaluation");
  const [state, action, pending] = useActionState<TActionResult<{ score: number }> | null, FormData>(enterEvaluationScoresAction, null);
  const formRef = useFocusFirstError(state);
  const errors = useFormErrors(state, t);
  const officeName = t(office === "pbc" ? "score.officePbc" : "score.officeFinance");
  return (
    <form ref={formRef} action={action} className="space-y-3" aria-label={t("score.title", { office: officeName })}>
      <h4 className="font-medium">{t("score.title", { office: officeName })}</h4>
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <RequiredNote />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="bankOrgId" value={bankOrgId} />
      <input type="hidden" name="rulesVersion" value={rulesVersion} />
      <div className="grid gap-3 sm:grid-cols-2">
        {criteria.map((c, i) => (
          <TextField
            key={c.key}
            name="points"
            type="number"
            inputMode="decimal"
            step="0.5"
            min={0}
            max={c.maxPoints}
            required
            label={t("score.points", { name: c.name, max: c.maxPoints })}
            defaultValue={points?.[i] ?? ""}
            error={i === 0 ? errors.field("points") : undefined}
          />
        ))}
      </div>
      <TextAreaField
        name="comment"
        label={t("score.comment")}
        maxLength={EVALUATION_COMMENT_MAX}
        defaultValue={comment ?? ""}
        error={errors.field("comment")}
      />
      <Button type="submit" pending={pending}>
        {t("score.submit")}
      </Button>
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          {t("score.saved", { score: state.data.score })}
        </p>
      )}
    </form>
  );
}
