/**
 * A bank's answer as stored: on the row (`answer`, the latest, JSON) and in the ledger
 * (`content.loan` for a loan, money as a string of fen, the rate as a 4-decimal string,
 * days as "YYYY-MM-DD"). Pure.
 */
import { AnswerKind } from "@/lib/generated/prisma/enums";
import type { TAnswerInput } from "@/lib/requests/schemas";

type TGranted = Extract<TAnswerInput, { kind: typeof AnswerKind.GRANTED }>;

/** The answer without the ids: what the enterprise reads. */
export function answerRecord(input: TAnswerInput): { kind: AnswerKind } & Record<string, string | number | boolean | null> {
  const { requestId: _id, version: _version, ...rest } = input;
  void _id;
  void _version;
  return rest as { kind: AnswerKind } & Record<string, string | number | boolean | null>;
}

/** "3.45" → "3.4500" (the column is Decimal(6,4)); string arithmetic, no float. */
export function normalizeRate(rate: string): string {
  const [whole, frac = ""] = rate.trim().split(".");
  return `${whole}.${frac.padEnd(4, "0").slice(0, 4)}`;
}

/** A Shanghai calendar day for a @db.Date column (UTC midnight of that day). */
export function dateColumn(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function loanContent(input: TGranted) {
  return {
    amountFen: input.amountFen,
    annualRate: normalizeRate(input.annualRate),
    termMonths: input.termMonths,
    product: input.product,
    guarantee: input.guarantee,
    isFirstLoan: input.isFirstLoan,
    isCreditLoan: input.isCreditLoan,
    grantedOn: input.grantedOn,
    disbursedOn: input.disbursedOn,
    maturesOn: input.maturesOn,
  };
}
