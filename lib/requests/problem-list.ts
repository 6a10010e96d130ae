/**
 * The park's problem list (问题清单) as an official file: one line per item with the
 * enterprise and its USCC, type, amount, dates, the bank, status, a one-cell summary of
 * the latest answer and the working days the first answer took. Pure: the rows come from
 * queries/read-problem-list.ts, the calendar from the calendar module.
 */
import type { AnswerKind } from "@/lib/generated/prisma/enums";
import { workingDaysBetween, type WorkingCalendar } from "@/lib/calendar/working-days";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import type { TTranslate } from "@/lib/i18n/translator";
import type { TLedgerColumn } from "@/lib/spreadsheet/ledger-columns";
import { answerView } from "./answer-view";
import type { TRequestListRow } from "./queries/list-requests";

/** A row of the request list and what the official list adds. */
export type TProblemListRow = TRequestListRow & {
  uscc: string;
  forwardedAt: Date | null;
  /** The first answer (kept through a reopen), else the current one. */
  firstAnsweredAt: Date | null;
  answerKind: AnswerKind | null;
  answer: unknown;
  closedAt: Date | null;
};

/**
 * Working days from forwarding to the first answer (the 3–5 working-day promise is
 * counted from forwarding): the Shanghai day of forwarding does not count, the day of the
 * answer does. Null until both happened.
 */
export function workingDaysTaken(row: Pick<TProblemListRow, "forwardedAt" | "firstAnsweredAt">, calendar: WorkingCalendar): number | null {
  if (!row.forwardedAt || !row.firstAnsweredAt) return null;
  return Math.max(0, workingDaysBetween(row.forwardedAt, row.firstAnsweredAt, calendar));
}

/** The latest answer in one line: "可以办理：办理条件 …；办理流程 …" (t translates full keys). */
export function answerSummary(answer: unknown, kind: AnswerKind | null, t: TTranslate, locale: TLocale): string {
  const view = answerView(answer, kind);
  if (!view) return "";
  const parts = view.rows.map((r) => {
    const label = t(`requestDetail.answer.${r.key}`);
    let value: string;
    if (r.kind === "bool") value = t(r.value ? "requestDetail.yes" : "requestDetail.no");
    else if (r.kind === "amountFen") value = t("requests.amountValue", { amount: formatWanYuan(String(r.value), locale) });
    else if (r.kind === "rate") value = t("requestDetail.rateValue", { rate: String(r.value) });
    else if (r.kind === "months") value = t("ledgers.monthsValue", { months: Number(r.value) });
    else value = String(r.value);
    return `${label} ${value}`;
  });
  const head = t(`requests.answerKinds.${view.kind}`);
  return parts.length > 0 ? `${head}：${parts.join("；")}` : head;
}

/** The problem list's columns, the same for the workbook and the PDF. */
export function problemListColumns(t: TTranslate, locale: TLocale, calendar: WorkingCalendar): TLedgerColumn<TProblemListRow>[] {
  const day = (d: Date | null) => (d ? formatDate(d, locale) : null);
  return [
    { header: t("ledgers.problemList.columns.serial"), width: 16, pdfWidth: 54, value: (r) => r.serial },
    { header: t("ledgers.problemList.columns.enterprise"), width: 28, pdfWidth: 62, value: (r) => r.enterpriseName },
    { header: t("ledgers.problemList.columns.uscc"), width: 22, pdfWidth: 80, value: (r) => r.uscc },
    { header: t("ledgers.problemList.columns.park"), width: 14, pdfWidth: 40, value: (r) => r.parkName },
    { header: t("ledgers.problemList.columns.title"), width: 28, pdfWidth: 60, value: (r) => r.title },
    { header: t("ledgers.problemList.columns.type"), width: 12, pdfWidth: 30, value: (r) => t(`requests.types.${r.type}`) },
    {
      header: t("ledgers.problemList.columns.amount"),
      width: 14,
      pdfWidth: 40,
      align: "right",
      value: (r) => (r.amountFen ? { wanYuanFen: r.amountFen } : null),
    },
    { header: t("ledgers.problemList.columns.submittedAt"), width: 14, pdfWidth: 44, value: (r) => day(r.submittedAt) },
    { header: t("ledgers.problemList.columns.forwardedAt"), width: 14, pdfWidth: 44, value: (r) => day(r.forwardedAt) },
    { header: t("ledgers.problemList.columns.dueAt"), width: 14, pdfWidth: 44, value: (r) => day(r.dueAt) },
    { header: t("ledgers.problemList.columns.answeredAt"), width: 14, pdfWidth: 44, value: (r) => day(r.firstAnsweredAt) },
    { header: t("ledgers.problemList.columns.closedAt"), width: 14, pdfWidth: 44, value: (r) => day(r.closedAt) },
    { header: t("ledgers.problemList.columns.bank"), width: 24, pdfWidth: 52, value: (r) => r.assignedBankName },
    { header: t("ledgers.problemList.columns.status"), width: 12, pdfWidth: 34, value: (r) => t(`requests.statuses.${r.status}`) },
    {
      header: t("ledgers.problemList.columns.answer"),
      width: 48,
      pdfWidth: 120,
      value: (r) => answerSummary(r.answer, r.answerKind, t, locale),
    },
    {
      header: t("ledgers.problemList.columns.workingDays"),
      width: 12,
      pdfWidth: 30,
      align: "right",
      value: (r) => workingDaysTaken(r, calendar),
    },
  ];
}
