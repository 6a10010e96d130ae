"use client";

import { useActionState, useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { useTranslations } from "next-intl";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TRuleSetSaved } from "@/lib/ranking/mutations/save-rule-set";
import type { TAssessmentPeriod } from "@/lib/ranking/indicators";
import type { TRuleSetItem } from "@/lib/ranking/rules";
import type { TActionResult } from "@/lib/server/action";
import { saveRuleSetAction } from "./actions";
import { RulesEditor, rowsFromRules, rulesFromRows, useRankingError } from "@/components/ranking/rules-editor";

/** A new version of the program's rule set, starting from the current one. */
export function RuleSetForm({
  programId,
  version,
  name,
  rules,
  period = "QUARTER",
}: {
  programId: string;
  version: number;
  name: string;
  rules: TRuleSetItem[];
  /** Which assessment's rules: each period has its own versions. */
  period?: TAssessmentPeriod;
}) {
  const t = useTranslations("ranking");
  const message = useRankingError();
  const [state, action, pending] = useActionState<TActionResult<TRuleSetSaved> | null, FormData>(saveRuleSetAction, null);
  const [rows, setRows] = useState(() => rowsFromRules(rules));
  const [ruleName, setRuleName] = useState(name);
  const failed = state && !state.ok ? state : null;
  const formRef = useFocusFirstError(state);
  const fieldError = (path: string) => message(failed?.fieldErrors?.[path]);
  const formError = failed && !(failed.fieldErrors && Object.keys(failed.fieldErrors).length > 0) ? message(failed.error) : undefined;

  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={keepValuesOnSubmit(action)}
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      noValidate
    >
      <h2 className="text-lg font-medium">{t("scoring.editorTitle")}</h2>
      <p className="text-sm text-slate-600">{t("scoring.editorHint", { next: version + 1 })}</p>
      <input type="hidden" name="programId" value={programId} />
      <input type="hidden" name="basedOnVersion" value={String(version)} />
      <input type="hidden" name="period" value={period} />
      <input type="hidden" name="rules" value={JSON.stringify(rulesFromRows(rows))} />
      <TextField
        name="name"
        label={t("scoring.name")}
        maxLength={100}
        value={ruleName}
        onChange={(e) => setRuleName(e.target.value)}
        error={fieldError("name")}
        className="max-w-xl"
      />
      <RulesEditor rows={rows} onChange={setRows} error={fieldError} idPrefix="ruleset" period={period} />
      <FormAlert message={formError} />
      {state?.ok && (
        <p role="status" className="text-green-800">
          {t("scoring.saved", { version: state.data.version })}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {t("scoring.save")}
      </Button>
    </form>
  );
}
