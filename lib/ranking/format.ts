import { INDICATORS, type TIndicatorKey } from "@/lib/ranking/indicators";
import type { TScoringRule } from "@/lib/ranking/rules";
import type { TTranslate } from "@/lib/i18n/translator";

// Indicator values and rules in words, for the pages, the bulletin and the Excel export
// (pure). `t` translates keys of the "ranking" namespace.

/** A translator of the "ranking" namespace. */
export type TRankingT = TTranslate;

const number2 = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });
export const num = (n: number) => number2.format(n);
export const score = (n: number) => n.toFixed(2);

/** "85.5%", "1,234.56 万元", "12", "3.5 个工作日"; "无数据" for null. */
export function formatIndicatorValue(indicator: TIndicatorKey, value: number | null, t: TRankingT): string {
  if (value === null || value === undefined) return t("noData");
  const unit = INDICATORS[indicator]?.unit ?? "count";
  return t(`units.value.${unit}`, { value: unit === "wanYuan" ? value.toFixed(2) : num(value) });
}

/** The rule in one sentence, e.g. "达到 80% 得 3 分；每低 1 个百分点（…）扣 0.1 分，扣完为止". */
export function ruleInWords(indicator: TIndicatorKey, rule: TScoringRule, t: TRankingT): string {
  // A count ("3 件") reads naturally with no unit after the number.
  const kind = INDICATORS[indicator]?.unit ?? "count";
  const unit = kind === "count" ? "" : t(`units.short.${kind}`);
  // A step below a percent target is in percentage points (4.41 is 0.25 below 4.66), never
  // a percent of the target.
  const stepUnit = kind === "count" ? "" : t(`units.step.${kind}`);
  switch (rule.kind) {
    case "threshold":
      return t(`ruleWords.threshold.${rule.direction}`, {
        target: num(rule.target),
        step: num(rule.step),
        deduction: num(rule.deduction),
        points: num(rule.points),
        unit,
        stepUnit,
      });
    case "tiers":
      return [...rule.tiers]
        .sort((a, b) => b.min - a.min)
        .map((tier) => t("ruleWords.tier", { min: num(tier.min), points: num(tier.points), unit }))
        .concat(t("ruleWords.tiersElse"))
        .join(t("ruleWords.separator"));
    case "perCount":
      return t("ruleWords.perCount", { points: num(rule.points), deduction: num(rule.deduction) });
    case "proportional":
      return t("ruleWords.proportional", { best: num(rule.best), points: num(rule.points), unit });
    case "attainment":
      return t("ruleWords.attainment", { floor: num(rule.floor), points: num(rule.points) });
  }
}

/** Translates keys of the "indicators" namespace. */
/** A translator of the "indicators" namespace. */
export type TIndicatorsT = TTranslate;

export const indicatorLabel = (ti: TIndicatorsT, key: TIndicatorKey) => ti(`${key}.label`);

/** A cost item's reason (a key under indicators.costReasons, full or relative) in words. */
export function costReasonText(ti: TIndicatorsT, reason: string): string {
  return ti(`costReasons.${reason.replace(/^(indicators\.)?costReasons\./, "")}`);
}
