"use client";

import { useActionState, useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { useTranslations } from "next-intl";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import type { TRankingResult } from "@/lib/ranking/compute-ranking";
import { formatIndicatorValue, score } from "@/lib/ranking/format";
import type { TRuleSetItem } from "@/lib/ranking/rules";
import type { TActionResult } from "@/lib/server/action";
import { RulesEditor, rowsFromRules, rulesFromRows, useRankingError } from "@/components/ranking/rules-editor";
import { previewRankingAction } from "../actions";
import { BottomBadge } from "../status-badge";

type Props = { programId: string; year: number; quarter: number; rules: TRuleSetItem[]; currentRanks: Record<string, number> };

/** Edit the current rules and see the quarter's ranking under them; nothing is saved. */
export function PreviewPanel({ programId, year, quarter, rules, currentRanks }: Props) {
  const t = useTranslations("ranking");
  const ti = useTranslations("indicators");
  const message = useRankingError();
  const [state, action, pending] = useActionState<TActionResult<TRankingResult> | null, FormData>(previewRankingAction, null);
  const [rows, setRows] = useState(() => rowsFromRules(rules));
  const failed = state && !state.ok ? state : null;
  const formRef = useFocusFirstError(state);
  const fieldError = (path: string) => message(failed?.fieldErrors?.[path]);
  const formError = failed && !(failed.fieldErrors && Object.keys(failed.fieldErrors).length > 0) ? message(failed.error) : undefined;

  return (
    <section aria-labelledby="preview" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="preview" className="text-lg font-medium">
        {t("preview.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("preview.hint")}</p>
      <form ref={formRef} action={action} onSubmit={keepValuesOnSubmit(action)} className="space-y-3" noValidate>
        <input type="hidden" name="programId" value={programId} />
        <input type="hidden" name="year" value={year} />
        <input type="hidden" name="quarter" value={quarter} />
        <input type="hidden" name="rules" value={JSON.stringify(rulesFromRows(rows))} />
        <RulesEditor rows={rows} onChange={setRows} error={fieldError} idPrefix="preview" />
        <FormAlert message={formError} />
        <Button type="submit" disabled={pending}>
          {t("preview.run")}
        </Button>
      </form>
      {state?.ok && (
        <div aria-live="polite">
          <DataTable
            caption={t("preview.result")}
            captionVisible
            testId="preview-result"
            rows={state.data.entries}
            rowKey={(e) => e.bankOrgId}
            columns={[
              { key: "rank", header: t("columns.rank"), className: "tabular-nums", cell: (e) => (e.missingReturn ? "—" : e.rank) },
              { key: "bank", header: t("columns.bank"), rowHeader: true, className: "font-normal", cell: (e) => e.bankName },
              {
                key: "totalScore",
                header: t("columns.totalScore"),
                className: "tabular-nums",
                cell: (e) => (e.missingReturn ? t("bulletin.notFiled") : e.totalScore.toFixed(2)),
              },
              { key: "bottomList", header: t("columns.bottomList"), cell: (e) => e.bottomList && <BottomBadge label={t("bottomBadge")} /> },
              {
                key: "previousRank",
                header: t("columns.previousRank"),
                className: "whitespace-nowrap tabular-nums",
                cell: (e) => {
                  const before = currentRanks[e.bankOrgId];
                  if (before === undefined) return "—";
                  const delta = before - e.rank;
                  const change =
                    delta === 0 ? t("preview.same") : t("preview.rankChange", { delta: delta > 0 ? `↑${delta}` : `↓${-delta}` });
                  return t("preview.rankWithChange", { rank: before, change });
                },
              },
              // Each indicator the previewed rules score, with the bank's value and points under it.
              ...(state.data.entries[0]?.breakdown ?? []).map((row, i) => ({
                key: `indicator-${row.indicator}`,
                header: ti(`${row.indicator}.label`),
                className: "tabular-nums",
                onCard: true,
                cell: (e: (typeof state.data.entries)[number]) => {
                  const own = e.breakdown[i];
                  return own
                    ? t("preview.valueAndPoints", { value: formatIndicatorValue(own.indicator, own.value, t), points: score(own.points) })
                    : "—";
                },
              })),
            ]}
          />
        </div>
      )}
    </section>
  );
}
