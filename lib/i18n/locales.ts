// Locales the portal speaks. Chinese is the default: the users are Chinese civil
// servants, bankers and entrepreneurs; English serves foreign-invested enterprises.
export const LOCALES = ["zh-CN", "en"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "zh-CN";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function resolveLocale(value: unknown): TLocale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
