import type { TLocale } from "./locales";

// Formats the way Chinese civil servants expect: amounts in 万元 with two decimals,
// dates as 2026年3月5日, times in Asia/Shanghai whatever the server's zone.
const TIME_ZONE = "Asia/Shanghai";

// Building an Intl formatter costs far more than using one (tens of microseconds against
// one or two), and a dashboard formats hundreds of values: one of each per language.
const GROUPING = { "zh-CN": new Intl.NumberFormat("zh-CN"), en: new Intl.NumberFormat("en-US") } satisfies Record<
  TLocale,
  Intl.NumberFormat
>;
const DATE = {
  "zh-CN": new Intl.DateTimeFormat("zh-CN", { timeZone: TIME_ZONE, year: "numeric", month: "long", day: "numeric" }),
  en: new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }),
} satisfies Record<TLocale, Intl.DateTimeFormat>;
// The time of day beside the date, 24-hour, in Asia/Shanghai, to the minute: people read
// "2026年12月8日 23:59", not the machine notation "2026-12-08 23:59:59" (which exports
// meant for machines keep, lib/audit/csv.ts).
const TIME = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** Integer fen (as bigint or its decimal string) → "1,234.50" 万元 (1 万元 = 1,000,000 fen). */
export function formatWanYuan(fen: bigint | string, locale: TLocale = "zh-CN"): string {
  const value = typeof fen === "bigint" ? fen : BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  // Round half up to 0.01 万元 = 10,000 fen, in integers: no float ever touches money.
  const hundredths = (abs + 5_000n) / 10_000n;
  const whole = GROUPING[locale === "en" ? "en" : "zh-CN"].format(hundredths / 100n);
  const cents = (hundredths % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${whole}.${cents}`;
}

export function formatDate(date: Date, locale: TLocale = "zh-CN"): string {
  return DATE[locale === "en" ? "en" : "zh-CN"].format(date);
}

/**
 * A moment for people, in each language's date style followed by the Shanghai time:
 * "2026年12月8日 23:59" / "2026-12-08 23:59". The one date-time formatter of the portal's
 * pages (an architecture test keeps ad-hoc ones out of app/ and components/).
 */
export function formatDateTime(date: Date, locale: TLocale = "zh-CN"): string {
  return `${formatDate(date, locale)} ${TIME.format(date)}`;
}
