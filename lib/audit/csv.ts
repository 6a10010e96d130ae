/**
 * CSV for the audit-log export, pure (no I/O): RFC 4180 (fields quoted when they hold a
 * comma, a quote, CR or LF; quotes doubled; CRLF line ends), UTF-8 with a byte-order mark
 * so Excel opens Chinese text correctly, and safe against formula injection: a cell that
 * starts with = + - @ (or a tab / CR, which some spreadsheets strip before evaluating) gets
 * a leading single quote, so a spreadsheet shows it as text instead of running it.
 */

export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type TCsvValue = string | number | bigint | boolean | null | undefined;

/** One cell: neutralised against formulas, then quoted if RFC 4180 requires it. */
export function csvCell(value: TCsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvLine(values: readonly TCsvValue[]): string {
  return values.map(csvCell).join(",") + CSV_EOL;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai: UTC+8, no daylight saving since 1991

/** "2026-03-05 14:03:21", Asia/Shanghai wall-clock time. */
export function formatShanghaiTime(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** "20260305-140321": an export's file-name stamp, Asia/Shanghai wall-clock time. */
export function fileStamp(at: Date): string {
  return formatShanghaiTime(at).replace(/[-:]/g, "").replace(" ", "-");
}

/** What a CSV row of the audit log is made of (see queries/search-audit-log.ts). */
export type TAuditCsvRow = {
  id: string;
  occurredAt: Date;
  actorAccount: string | null;
  actorName: string | null;
  orgName: string | null;
  action: string;
  actionLabel: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  outcomeLabel: string;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
};

/** Column headings, in the order of auditCsvRecord(). Translated by the caller. */
export type TAuditCsvHeadings = Record<
  | "id"
  | "time"
  | "account"
  | "name"
  | "org"
  | "action"
  | "actionLabel"
  | "targetType"
  | "targetId"
  | "outcome"
  | "ip"
  | "userAgent"
  | "details",
  string
>;

export const AUDIT_CSV_COLUMNS = [
  "id",
  "time",
  "account",
  "name",
  "org",
  "action",
  "actionLabel",
  "targetType",
  "targetId",
  "outcome",
  "ip",
  "userAgent",
  "details",
] as const satisfies readonly (keyof TAuditCsvHeadings)[];

/** BOM + heading line: the first chunk of every export. */
export function auditCsvHeader(headings: TAuditCsvHeadings): string {
  return CSV_BOM + csvLine(AUDIT_CSV_COLUMNS.map((c) => headings[c]));
}

function detailsText(details: unknown): string {
  if (details === null || details === undefined) return "";
  if (typeof details === "object" && Object.keys(details as object).length === 0) return "";
  return JSON.stringify(details);
}

export function auditCsvRecord(row: TAuditCsvRow): string {
  return csvLine([
    row.id,
    formatShanghaiTime(row.occurredAt),
    row.actorAccount,
    row.actorName,
    row.orgName,
    row.action,
    row.actionLabel,
    row.targetType,
    row.targetId,
    row.outcomeLabel,
    row.ip,
    row.userAgent,
    detailsText(row.details),
  ]);
}
