"use client";

import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/components/forms/form-errors";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { indicatorsOfPeriod, type TAssessmentPeriod } from "@/lib/ranking/indicators";
import type { TRuleSetItem, TScoringRule } from "@/lib/ranking/rules";

// The rows of a rule set as the finance office edits them (strings, as typed), shared by
// the "save a new version" form and the ranking page's preview panel. The server
// validates again with ZRuleSet; errors come back as "rules.<i>.rule.<field>".

type TKind = TScoringRule["kind"];
export type TRuleRow = {
  key: number;
  indicator: string;
  kind: TKind;
  points: string;
  target: string;
  step: string;
  deduction: string;
  direction: "higher" | "lower";
  best: string;
  floor: string;
  tiers: Array<{ min: string; points: string }>;
};

const KINDS: TKind[] = ["threshold", "tiers", "perCount", "proportional", "attainment"];
let nextKey = 1;

export function emptyRow(): TRuleRow {
  return {
    key: nextKey++,
    indicator: "",
    kind: "threshold",
    points: "",
    target: "",
    step: "1",
    deduction: "",
    direction: "higher",
    best: "",
    floor: "0",
    tiers: [{ min: "", points: "" }],
  };
}

export function rowsFromRules(rules: TRuleSetItem[]): TRuleRow[] {
  return rules.map(({ indicator, rule }) => {
    const row = { ...emptyRow(), indicator, kind: rule.kind };
    switch (rule.kind) {
      case "threshold":
        return {
          ...row,
          points: String(rule.points),
          target: String(rule.target),
          step: String(rule.step),
          deduction: String(rule.deduction),
          direction: rule.direction,
        };
      case "tiers":
        return { ...row, tiers: rule.tiers.map((t) => ({ min: String(t.min), points: String(t.points) })) };
      case "perCount":
        return { ...row, points: String(rule.points), deduction: String(rule.deduction) };
      case "proportional":
        return { ...row, points: String(rule.points), best: String(rule.best) };
      case "attainment":
        return { ...row, points: String(rule.points), floor: String(rule.floor) };
    }
  });
}

// "" and junk become NaN, which JSON turns into null: the server answers "invalidNumber".
const n = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

export function rulesFromRows(rows: TRuleRow[]): unknown[] {
  return rows.map((r) => {
    const rule =
      r.kind === "threshold"
        ? { kind: r.kind, points: n(r.points), target: n(r.target), step: n(r.step), deduction: n(r.deduction), direction: r.direction }
        : r.kind === "tiers"
          ? { kind: r.kind, tiers: r.tiers.map((t) => ({ min: n(t.min), points: n(t.points) })) }
          : r.kind === "perCount"
            ? { kind: r.kind, points: n(r.points), deduction: n(r.deduction) }
            : r.kind === "attainment"
              ? { kind: r.kind, points: n(r.points), floor: n(r.floor) }
              : { kind: r.kind, points: n(r.points), best: n(r.best) };
    return { indicator: r.indicator, rule };
  });
}

function rowMax(r: TRuleRow): number {
  const v = r.kind === "tiers" ? Math.max(0, ...r.tiers.map((t) => n(t.points)).filter(Number.isFinite)) : n(r.points);
  return Number.isFinite(v) ? v : 0;
}

export function pointsSum(rows: TRuleRow[]): number {
  return Math.round(rows.reduce((sum, r) => sum + rowMax(r), 0) * 100) / 100;
}

type Props = {
  rows: TRuleRow[];
  onChange: (rows: TRuleRow[]) => void;
  error: (path: string) => string | undefined;
  idPrefix: string;
  /** The quarterly ranking's indicators unless editing the annual assessment's rules. */
  period?: TAssessmentPeriod;
};

export function RulesEditor({ rows, onChange, error, idPrefix, period = "QUARTER" }: Props) {
  const t = useTranslations("ranking");
  const ti = useTranslations("indicators");
  const sum = pointsSum(rows);
  const set = (i: number, patch: Partial<TRuleRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const indicatorOptions = indicatorsOfPeriod(period).map((k) => ({ value: k, label: ti(`${k}.label`) }));
  const kindOptions = KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }));
  const num = (i: number, field: "points" | "target" | "step" | "deduction" | "best" | "floor") => (
    <TextField
      key={field}
      id={`${idPrefix}-${i}-${field}`}
      label={t(`scoring.fields.${field}`)}
      inputMode="decimal"
      value={rows[i]![field]}
      onChange={(e) => set(i, { [field]: e.target.value })}
      error={error(`rules.${i}.rule.${field}`)}
      className="w-32"
    />
  );

  return (
    <div className="space-y-3">
      <ol className="space-y-3">
        {rows.map((row, i) => (
          <li key={row.key} className="rounded-md border border-slate-200 p-3">
            <fieldset className="flex flex-wrap items-start gap-3">
              <legend className="sr-only">{t("scoring.rowLabel", { n: i + 1 })}</legend>
              <SelectField
                id={`${idPrefix}-${i}-indicator`}
                label={t("scoring.fields.indicator")}
                placeholder={t("scoring.fields.choose")}
                options={indicatorOptions}
                value={row.indicator}
                onChange={(e) => set(i, { indicator: e.target.value })}
                error={error(`rules.${i}.indicator`)}
                className="w-56"
              />
              <SelectField
                id={`${idPrefix}-${i}-kind`}
                label={t("scoring.fields.kind")}
                options={kindOptions}
                value={row.kind}
                onChange={(e) => set(i, { kind: e.target.value as TKind })}
                error={error(`rules.${i}.rule`) ?? error(`rules.${i}.rule.kind`)}
                className="w-40"
              />
              {row.kind === "threshold" && (
                <>
                  {num(i, "points")}
                  {num(i, "target")}
                  {num(i, "step")}
                  {num(i, "deduction")}
                  <SelectField
                    id={`${idPrefix}-${i}-direction`}
                    label={t("scoring.fields.direction")}
                    options={(["higher", "lower"] as const).map((d) => ({ value: d, label: t(`directions.${d}`) }))}
                    value={row.direction}
                    onChange={(e) => set(i, { direction: e.target.value as "higher" | "lower" })}
                    className="w-64"
                  />
                </>
              )}
              {row.kind === "perCount" && (
                <>
                  {num(i, "points")}
                  {num(i, "deduction")}
                </>
              )}
              {row.kind === "proportional" && (
                <>
                  {num(i, "points")}
                  {num(i, "best")}
                </>
              )}
              {row.kind === "attainment" && (
                <>
                  {num(i, "points")}
                  {num(i, "floor")}
                </>
              )}
              {row.kind === "tiers" && (
                <div className="space-y-2">
                  {row.tiers.map((tier, k) => (
                    <div key={k} className="flex flex-wrap items-end gap-2">
                      <TextField
                        id={`${idPrefix}-${i}-tier-${k}-min`}
                        label={t("scoring.fields.tierMin")}
                        inputMode="decimal"
                        className="w-28"
                        value={tier.min}
                        error={error(`rules.${i}.rule.tiers.${k}.min`)}
                        onChange={(e) => set(i, { tiers: row.tiers.map((x, m) => (m === k ? { ...x, min: e.target.value } : x)) })}
                      />
                      <TextField
                        id={`${idPrefix}-${i}-tier-${k}-points`}
                        label={t("scoring.fields.tierPoints")}
                        inputMode="decimal"
                        className="w-28"
                        value={tier.points}
                        error={error(`rules.${i}.rule.tiers.${k}.points`)}
                        onChange={(e) => set(i, { tiers: row.tiers.map((x, m) => (m === k ? { ...x, points: e.target.value } : x)) })}
                      />
                      {row.tiers.length > 1 && (
                        <button
                          type="button"
                          className="mb-2 text-sm text-red-700 underline"
                          onClick={() => set(i, { tiers: row.tiers.filter((_, m) => m !== k) })}
                        >
                          {t("scoring.removeTier")}
                        </button>
                      )}
                    </div>
                  ))}
                  {error(`rules.${i}.rule.tiers`) && <p className="text-sm text-red-700">{error(`rules.${i}.rule.tiers`)}</p>}
                  <button
                    type="button"
                    className="text-sm text-brand-700 underline"
                    onClick={() => set(i, { tiers: [...row.tiers, { min: "", points: "" }] })}
                  >
                    {t("scoring.addTier")}
                  </button>
                </div>
              )}
              <button
                type="button"
                className="mt-7 text-sm text-red-700 underline"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                {t("scoring.removeRow")}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          onClick={() => onChange([...rows, emptyRow()])}
        >
          {t("scoring.addRow")}
        </button>
        <p aria-live="polite" className={`text-sm font-medium ${sum === 100 ? "text-green-800" : "text-red-700"}`}>
          {t("scoring.sum", { sum })} · {sum === 100 ? t("scoring.sumOk") : t("scoring.sumNot100")}
        </p>
      </div>
      {error("rules") && (
        <p role="alert" className="text-sm text-red-700">
          {error("rules")}
        </p>
      )}
    </div>
  );
}

/** An error code from the server in words ("ranking.errors.<code>", else the code's shared message). */
export function useRankingError() {
  const message = useErrorMessage(useTranslations("ranking"));
  return (code: string | undefined) => (code ? message(code) : undefined);
}
