import { formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { describeRange, rateOverLprText } from "@/lib/products/rules";
import type { TTranslate } from "@/lib/i18n/translator";

/** A translator of the "products.range" messages (from getTranslations or useTranslations). */
export type TRangeT = TTranslate;

type TProductRanges = {
  minAmountFen: string | null;
  maxAmountFen: string | null;
  minTermMonths: number | null;
  maxTermMonths: number | null;
  minRateBpOverLpr: number | null;
  maxRateBpOverLpr: number | null;
};

function words<T>(
  t: TRangeT,
  prefix: "amount" | "term" | "rate",
  min: T | null,
  max: T | null,
  show: (v: T) => string,
  same?: (a: T, b: T) => boolean,
): string {
  const r = describeRange(min, max, same);
  switch (r.kind) {
    case "none":
      return t("none");
    case "exact":
      return t(`${prefix}Exact`, { value: show(r.value) });
    case "between":
      return t(`${prefix}Between`, { min: show(r.min), max: show(r.max) });
    case "atLeast":
      return t(`${prefix}AtLeast`, { min: show(r.min) });
    case "atMost":
      return t(`${prefix}AtMost`, { max: show(r.max) });
  }
}

/** "50.00 至 2,000.00 万元", "10.00 万元起", "面议". */
export function amountRangeText(t: TRangeT, p: TProductRanges, locale: TLocale): string {
  return words(
    t,
    "amount",
    p.minAmountFen,
    p.maxAmountFen,
    (fen) => formatWanYuan(fen, locale),
    (a, b) => BigInt(a) === BigInt(b),
  );
}

/** "6 至 36 个月". */
export function termRangeText(t: TRangeT, p: TProductRanges): string {
  return words(t, "term", p.minTermMonths, p.maxTermMonths, String);
}

/** "LPR − 0.30% 至 LPR + 0.60%". */
export function rateRangeText(t: TRangeT, p: TProductRanges): string {
  return words(t, "rate", p.minRateBpOverLpr, p.maxRateBpOverLpr, rateOverLprText);
}
