/**
 * A bank's quarterly 解决台账 as an official file: the accepted submission's snapshot
 * (one line per item, as the bank handed it in) with each item's ledger chain head at
 * acceptance, the park figures, and a stamp (acceptance time, the heads' digest) from
 * which a reader verifies it against the ledger. Pure: the data comes from
 * queries/get-resolution-ledger.ts; the workbook and PDF writers take the columns.
 */
import type { TItemChainHead } from "@/lib/ledger/anchor";
import { formatDateTime } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import type { TTranslate } from "@/lib/i18n/translator";
import type { TLedgerColumn } from "@/lib/spreadsheet/ledger-columns";
import type { TPrefillItem } from "./items-summary";
import type { TResolutionLedger } from "./queries/get-resolution-ledger";
import type { TSubmissionDetail } from "./queries/get-submission-detail";

export type TLedgerItemRow = TPrefillItem & { head: TItemChainHead | null };
export type TLedgerFigureRow = {
  parkName: string;
  role: string;
  loanBalanceFen: string | null;
  loanIncrementFen: string | null;
  borrowers: number | null;
  firstLoans: number | null;
  creditLoans: number | null;
  averageRate: string | null;
};

/** The snapshot's items in the submission's order, each with its chain head at acceptance. */
export function ledgerItemRows(ledger: TResolutionLedger): TLedgerItemRow[] {
  return (ledger.submission.items ?? []).map((i) => ({ ...i, head: ledger.heads.get(i.requestId) ?? null }));
}

const when = (iso: string | null, locale: TLocale) => (iso ? formatDateTime(new Date(iso), locale) : null);

export function ledgerItemColumns(t: TTranslate, locale: TLocale): TLedgerColumn<TLedgerItemRow>[] {
  const yes = t("ledgers.yes");
  return [
    { header: t("submissions.items.serial"), width: 16, pdfWidth: 54, value: (r) => r.serial },
    { header: t("submissions.items.enterprise"), width: 28, pdfWidth: 60, value: (r) => r.enterpriseName },
    { header: t("submissions.items.itemTitle"), width: 28, pdfWidth: 60, value: (r) => r.title },
    { header: t("ledgers.resolution.columns.type"), width: 12, pdfWidth: 34, value: (r) => t(`requests.types.${r.type}`) },
    { header: t("submissions.items.receivedAt"), width: 18, pdfWidth: 52, value: (r) => when(r.receivedAt, locale) },
    { header: t("submissions.items.carriedOver"), width: 8, pdfWidth: 24, value: (r) => (r.carriedOver ? yes : "") },
    { header: t("submissions.items.dueAt"), width: 18, pdfWidth: 52, value: (r) => when(r.dueAt, locale) },
    { header: t("submissions.items.firstAnswerAt"), width: 18, pdfWidth: 52, value: (r) => when(r.firstAnswerAt, locale) },
    {
      header: t("submissions.items.answerKind"),
      width: 14,
      pdfWidth: 40,
      value: (r) => (r.answerKind ? t(`submissions.answerKinds.${r.answerKind}`) : null),
    },
    {
      header: t("submissions.items.onTime"),
      width: 8,
      pdfWidth: 24,
      value: (r) => t(`submissions.items.onTimeValues.${String(r.onTime)}`),
    },
    {
      header: t("submissions.items.rating"),
      width: 10,
      pdfWidth: 30,
      value: (r) => (r.rating ? t(`submissions.ratings.${r.rating}`) : null),
    },
    { header: t("ledgers.resolution.columns.escalated"), width: 8, pdfWidth: 24, value: (r) => (r.escalated ? yes : "") },
    { header: t("submissions.items.itemStatus"), width: 10, pdfWidth: 34, value: (r) => t(`submissions.itemStatus.${r.status}`) },
    { header: t("ledgers.resolution.columns.headSeq"), width: 8, pdfWidth: 24, align: "right", value: (r) => r.head?.seq ?? null },
    { header: t("ledgers.resolution.columns.headHash"), width: 66, pdfWidth: 200, value: (r) => r.head?.hash ?? null },
  ];
}

/** The park figures as handed in (a park without figures shows blank), then their total. */
export function ledgerFigureRows(submission: TSubmissionDetail, t: TTranslate): TLedgerFigureRow[] {
  const rows: TLedgerFigureRow[] = submission.parks.map((p) => ({
    parkName: p.parkName,
    role: t(`submissions.figures.roles.${p.role ?? "ended"}`),
    loanBalanceFen: p.figure ? p.figure.loanBalanceFen.toString() : null,
    loanIncrementFen: p.figure ? p.figure.loanIncrementFen.toString() : null,
    borrowers: p.figure?.borrowers ?? null,
    firstLoans: p.figure?.firstLoans ?? null,
    creditLoans: p.figure?.creditLoans ?? null,
    averageRate: p.figure?.averageRate ?? null,
  }));
  const total = submission.figureTotals;
  rows.push({
    parkName: t("submissions.figures.total"),
    role: "",
    loanBalanceFen: total.loanBalanceFen.toString(),
    loanIncrementFen: total.loanIncrementFen.toString(),
    borrowers: total.borrowers,
    firstLoans: total.firstLoans,
    creditLoans: total.creditLoans,
    averageRate: null,
  });
  return rows;
}

export function ledgerFigureColumns(t: TTranslate): TLedgerColumn<TLedgerFigureRow>[] {
  const wan = (fen: string | null) => (fen === null ? null : { wanYuanFen: fen });
  return [
    { header: t("submissions.figures.park"), width: 28, value: (r) => r.parkName },
    { header: t("submissions.figures.role"), width: 14, value: (r) => r.role },
    { header: t("submissions.figures.loanBalance"), width: 18, align: "right", value: (r) => wan(r.loanBalanceFen) },
    { header: t("submissions.figures.loanIncrement"), width: 18, align: "right", value: (r) => wan(r.loanIncrementFen) },
    { header: t("submissions.figures.borrowers"), width: 12, align: "right", value: (r) => r.borrowers },
    { header: t("submissions.figures.firstLoans"), width: 12, align: "right", value: (r) => r.firstLoans },
    { header: t("submissions.figures.creditLoans"), width: 12, align: "right", value: (r) => r.creditLoans },
    // Two decimals as entered ("3.8500" is stored; people read 3.85).
    {
      header: t("submissions.figures.averageRate"),
      width: 12,
      align: "right",
      value: (r) => (r.averageRate === null ? null : Number(r.averageRate)),
    },
  ];
}

/** One line of the stamp; "verify" lines are the ones a reader checks against the ledger. */
export type TStampLine = { label: string; value: string; part: "who" | "verify" };

/** The stamp: whose ledger, which quarter, when handed in and accepted, and the chain heads to verify it by. */
export function ledgerStamp(ledger: TResolutionLedger, t: TTranslate, locale: TLocale): TStampLine[] {
  const s = ledger.submission;
  const line = (key: string, value: string | number | null, part: TStampLine["part"] = "who"): TStampLine => ({
    label: t(`ledgers.resolution.stamp.${key}`),
    value: value === null ? "—" : String(value),
    part,
  });
  return [
    line("bank", s.bankName),
    line("program", s.programName),
    line("quarter", t("submissions.quarterLabel", { year: s.year, quarter: s.quarter })),
    line("submittedAt", s.submittedAt ? formatDateTime(s.submittedAt, locale) : null),
    line("acceptedAt", formatDateTime(ledger.acceptedAt, locale)),
    line("acceptedAtUtc", ledger.acceptedAt.toISOString(), "verify"),
    line("reviewer", s.reviewerName),
    line("snapshotAt", s.itemsAsOf.toISOString(), "verify"),
    line("items", s.items?.length ?? 0, "verify"),
    line("chainRequests", ledger.chain.requests, "verify"),
    line("chainEntries", ledger.chain.entries, "verify"),
    line("headsDigest", ledger.chain.headsDigest, "verify"),
    line("howToVerify", t("ledgers.resolution.stamp.howToVerifyText"), "verify"),
  ];
}

export function stampColumns(t: TTranslate): TLedgerColumn<TStampLine>[] {
  return [
    { header: t("ledgers.resolution.stamp.label"), width: 24, value: (r) => r.label },
    { header: t("ledgers.resolution.stamp.value"), width: 80, value: (r) => r.value },
  ];
}
