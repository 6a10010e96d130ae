"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { Button } from "@/components/ui/button";
import type { TRankingResult } from "@/lib/ranking/compute-ranking";
import type { TRuleSetItem } from "@/lib/ranking/rules";
import type { TActionResult } from "@/lib/server/action";
import { RulesEditor, rowsFromRules, rulesFromRows, useRankingError } from "../../scoring/rules-editor";
import { previewRankingAction } from "../actions";
import { BottomBadge } from "../status-badge";

type Props = { programId: string; year: number; quarter: number; rules: TRuleSetItem[]; currentRanks: Record<string, number> };

/** Edit the current rules and see the quarter's ranking under them; nothing is saved. */
export function PreviewPanel({ programId, year, quarter, rules, currentRanks }: Props) {
  const t = useTranslations("ranking");
  const message = useRankingError();
  const [state, action, pending] = useActionState<TActionResult<TRankingResult> | null, FormData>(previewRankingAction, null);
  const [rows, setRows] = useState(() => rowsFromRules(rules));
  const failed = state && !state.ok ? state : null;
  const fieldError = (path: string) => message(failed?.fieldErrors?.[path]);
  const formError = failed && !(failed.fieldErrors && Object.keys(failed.fieldErrors).length > 0) ? message(failed.error) : undefined;

  return (
    <section aria-labelledby="preview" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="preview" className="text-lg font-medium">{t("preview.title")}</h2>
      <p className="text-sm text-slate-600">{t("preview.hint")}</p>
      <form action={action} onSubmit={keepValuesOnSubmit(action)} className="space-y-3" noValidate>
        <input type="hidden" name="programId" value={programId} />
        <input type="hidden" name="year" value={year} />
        <input type="hidden" name="quarter" value={quarter} />
        <input type="hidden" name="rules" value={JSON.stringify(rulesFromRows(rows))} />
        <RulesEditor rows={rows} onChange={setRows} error={fieldError} idPrefix="preview" />
        {formError && <p role="alert" className="text-sm text-red-700">{formError}</p>}
        <Button type="submit" disabled={pending}>{t("preview.run")}</Button>
      </form>
      {state?.ok && (
        <div className="overflow-x-auto" aria-live="polite">
          <table className="min-w-full text-left text-sm" data-testid="preview-result">
            <caption className="py-2 text-left font-medium">{t("preview.result")}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                {[t("columns.rank"), t("columns.bank"), t("columns.totalScore"), t("columns.bottomList"), t("columns.previousRank")].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {state.data.entries.map((e) => {
                const before = currentRanks[e.bankOrgId];
                const delta = before === undefined ? null : before - e.rank;
                return (
                  <tr key={e.bankOrgId}>
                    <td className="px-3 py-2 tabular-nums">{e.rank}</td>
                    <th scope="row" className="px-3 py-2 font-normal">{e.bankName}</th>
                    <td className="px-3 py-2 tabular-nums">{e.totalScore.toFixed(2)}</td>
                    <td className="px-3 py-2">{e.bottomList && <BottomBadge label={t("bottomBadge")} />}</td>
                    <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                      {before === undefined ? "—" : t("preview.rankWithChange", { rank: before, change: delta === 0 ? t("preview.same") : t("preview.rankChange", { delta: delta! > 0 ? `↑${delta}` : `↓${-delta!}` }) })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
