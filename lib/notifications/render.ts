/**
 * A notification's title and body in a given language, from its kind and params
 * (lib/i18n/messages/<locale>/notifications.json, `notifications.kinds.<group>.<name>`).
 *
 * Params are stored raw so each reader sees them in their own language:
 *   - an ISO instant ("2026-05-06T15:59:59.999Z") or day ("2026-05-06") is shown as a
 *     date in Asia/Shanghai (2026年5月6日 / 2026-05-06);
 *   - a `reason` that names a code listed under `notifications.reasons` is translated.
 * Anything else is shown as given.
 */
import en from "@/lib/i18n/messages/en/notifications.json";
import zh from "@/lib/i18n/messages/zh-CN/notifications.json";
import { formatDate } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";

type TMessages = typeof zh.notifications;
const MESSAGES: Record<TLocale, TMessages> = { "zh-CN": zh.notifications, en: en.notifications };

type TKinds = TMessages["kinds"];
/**
 * "request.red", "loan.renewal" …: group and name, nested in the message files (next-intl
 * does not allow dots inside a key).
 */
export type TNotificationKind = { [G in keyof TKinds & string]: `${G}.${keyof TKinds[G] & string}` }[keyof TKinds & string];
type TTexts = { title: string; body: string };

function textsOf(kind: string, locale: TLocale): TTexts | null {
  const [group, name, ...rest] = kind.split(".");
  if (!group || !name || rest.length > 0) return null;
  const groups = MESSAGES[locale].kinds as Record<string, Record<string, TTexts>>;
  const texts = Object.hasOwn(groups, group) && Object.hasOwn(groups[group]!, name) ? groups[group]![name]! : null;
  return texts;
}
export type TNotificationParams = Record<string, string | number>;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `{name}` placeholders only: the notification texts use nothing else. */
export function fillMessage(template: string, params: TNotificationParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(params, key) ? String(params[key]) : whole));
}

function displayValue(key: string, value: string | number, locale: TLocale): string {
  if (typeof value === "number") return String(value);
  if (ISO_INSTANT.test(value)) return formatDate(new Date(value), locale);
  // A calendar day means that day in Shanghai (noon keeps it clear of any day boundary).
  if (ISO_DAY.test(value)) return formatDate(new Date(`${value}T12:00:00+08:00`), locale);
  const reasons = MESSAGES[locale].reasons as Record<string, string>;
  if (key === "reason" && Object.hasOwn(reasons, value)) return reasons[value]!;
  return value;
}

export function displayParams(params: TNotificationParams, locale: TLocale): TNotificationParams {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, displayValue(k, v, locale)]));
}

/** Null for a kind this version does not know (the caller shows the stored text). */
export function renderNotification(kind: string, params: TNotificationParams, locale: TLocale): { title: string; body: string } | null {
  const texts = textsOf(kind, locale);
  if (!texts) return null;
  const shown = displayParams(params, locale);
  return { title: fillMessage(texts.title, shown), body: fillMessage(texts.body, shown) };
}

/** Only strings and numbers survive (the params column is JSON written by notify()). */
export function paramsOf(json: unknown): TNotificationParams {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  return Object.fromEntries(
    Object.entries(json).filter((e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number"),
  );
}
