import { z } from "zod";
import { zCalendarDay, zPlainText } from "@/lib/validation/fields";

/**
 * The audit-log search: GET query parameters of /audit and /audit/export. Error messages
 * are codes under "audit.errors" in the message files. Dates are Asia/Shanghai calendar
 * days; "to" includes the whole day.
 */

export const AUDIT_OUTCOMES = ["SUCCESS", "DENIED", "FAILURE"] as const;
export type TAuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instant Asia/Shanghai midnight starts the ISO day "2026-03-05". */
export function shanghaiDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

// "" and missing mean "no filter".
const optionalText = (max: number, code: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    zPlainText().trim().max(max, { message: code }).optional(),
  );

const day = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
  zCalendarDay("dateFormat", { minYear: 2000, maxYear: 2999 }).optional(),
);

// Action names are dotted identifiers ("auth.signIn", "denied.orgs.create").
const ACTION_PREFIX = /^[A-Za-z0-9._-]+$/;
// "<epoch ms>_<id>": the last row of the previous page.
const CURSOR = /^(\d{1,15})_(\d{1,19})$/;

export const ZAuditFilters = z
  .object({
    from: day,
    to: day,
    account: optionalText(64, "accountTooLong"),
    org: optionalText(100, "orgTooLong"),
    action: optionalText(100, "actionFormat").refine((v) => v === undefined || ACTION_PREFIX.test(v), { message: "actionFormat" }),
    outcome: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim().toUpperCase() : v),
      z.enum(AUDIT_OUTCOMES, { message: "outcome" }).optional(),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "dateRange", path: ["to"] });

export type TAuditFilters = z.infer<typeof ZAuditFilters>;
export type TAuditCursor = { occurredAt: Date; id: string };

export const AUDIT_FILTER_FIELDS = ["from", "to", "account", "org", "action", "outcome"] as const;
export type TAuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number];

type TRawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: TRawParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

export type TParsedAuditSearch =
  | { ok: true; filters: TAuditFilters; cursor: TAuditCursor | null }
  | { ok: false; errors: Partial<Record<TAuditFilterField | "cursor", string>>; raw: Record<TAuditFilterField, string> };

/** Query parameters → filters and cursor, or one error code per bad field. */
export function parseAuditSearch(params: TRawParams): TParsedAuditSearch {
  const raw = Object.fromEntries(AUDIT_FILTER_FIELDS.map((k) => [k, first(params, k) ?? ""])) as Record<TAuditFilterField, string>;
  const errors: Partial<Record<TAuditFilterField | "cursor", string>> = {};
  const parsed = ZAuditFilters.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "to") as TAuditFilterField;
      errors[field] ??= issue.message;
    }
  }
  const cursorText = first(params, "cursor")?.trim() ?? "";
  let cursor: TAuditCursor | null = null;
  if (cursorText) {
    cursor = parseAuditCursor(cursorText);
    if (!cursor) errors.cursor = "cursor";
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors, raw };
  return { ok: true, filters: parsed.data, cursor };
}

export function parseAuditCursor(text: string): TAuditCursor | null {
  const m = CURSOR.exec(text);
  if (!m) return null;
  const ms = Number(m[1]);
  const at = new Date(ms);
  if (!Number.isFinite(at.getTime()) || BigInt(m[2]!) > 9_223_372_036_854_775_807n) return null;
  return { occurredAt: at, id: BigInt(m[2]!).toString() };
}

export function formatAuditCursor(cursor: TAuditCursor): string {
  return `${cursor.occurredAt.getTime()}_${cursor.id}`;
}

/** The filters (and cursor) as a query string, without "?"; empty filters are left out. */
export function auditSearchQuery(filters: Partial<Record<TAuditFilterField, string | undefined>>, cursor?: TAuditCursor | null): string {
  const q = new URLSearchParams();
  for (const key of AUDIT_FILTER_FIELDS) {
    const v = filters[key];
    if (v) q.set(key, v);
  }
  if (cursor) q.set("cursor", formatAuditCursor(cursor));
  return q.toString();
}

/** The time window in instants: [fromAt, toBefore). */
export function auditTimeWindow(filters: Pick<TAuditFilters, "from" | "to">): { fromAt: Date | null; toBefore: Date | null } {
  return {
    fromAt: filters.from ? shanghaiDayStart(filters.from) : null,
    toBefore: filters.to ? new Date(shanghaiDayStart(filters.to).getTime() + DAY_MS) : null,
  };
}
