/**
 * The loan figures a bank adds per paired park: how the form's text becomes stored values
 * and what is refused. Pure.
 *
 * - Amounts are typed in 万元 (up to 6 decimals = exact fen) and stored as fen (BigInt):
 *   no float ever touches money. The balance is ≥ 0; the increment may be negative (the
 *   balance can fall over a quarter).
 * - Counts are whole numbers ≥ 0; first loans and credit loans are counted among the
 *   borrowers, so neither can exceed them.
 * - The average rate is a percent from 0 to 24 with up to 4 decimals (Decimal(6,4)); it
 *   may stay blank only when the park has no borrowers.
 * Error codes are keys under "submissions.errors".
 */
import { foldFullWidth } from "@/lib/validation/fold-full-width";

export const FIGURE_FIELDS = ["loanBalance", "loanIncrement", "borrowers", "firstLoans", "creditLoans", "averageRate"] as const;
export type TFigureField = (typeof FIGURE_FIELDS)[number];

export type TRawFigureRow = { parkId: string } & Partial<Record<TFigureField, string>>;

export type TFigureValues = {
  parkId: string;
  loanBalanceFen: bigint;
  loanIncrementFen: bigint;
  borrowers: number;
  firstLoans: number;
  creditLoans: number;
  /** Percent as a decimal string ("3.4500"), null when blank. */
  averageRate: string | null;
};

export type TFigureErrors = Partial<Record<TFigureField, string>>;

const FEN_PER_WAN = 1_000_000n;
const MAX_WAN_DIGITS = 10; // < 10^10 万元: far above any bank's park balance, far below BigInt's range
const MAX_COUNT = 10_000_000;
export const MAX_RATE_PERCENT = 24;

// Full-width digits and signs from a Chinese input method read as their ASCII forms, as in
// every other amount field (foldFullWidth).
const clean = (s: string | undefined) =>
  foldFullWidth(s ?? "")
    .trim()
    .replace(/[,，\s]/g, "");

/** "1,234.5" 万元 → 12345000000n fen; an error code for anything else. */
export function wanToFen(text: string | undefined, { allowNegative }: { allowNegative: boolean }): bigint | string {
  const s = clean(text);
  if (s === "") return "required";
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return "notNumber";
  if (m[1] && !allowNegative) return "negative";
  if ((m[3] ?? "").length > 6) return "tooManyDecimals";
  const whole = m[2]!.replace(/^0+(?=\d)/, "");
  if (whole.length > MAX_WAN_DIGITS) return "tooLarge";
  const fen = BigInt(whole) * FEN_PER_WAN + BigInt((m[3] ?? "").padEnd(6, "0"));
  return m[1] ? -fen : fen;
}

/** Fen → the 万元 text the form shows (at least two decimals, more only when needed). */
export function fenToWanInput(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  let decimals = (abs % FEN_PER_WAN).toString().padStart(6, "0").replace(/0+$/, "");
  if (decimals.length < 2) decimals = decimals.padEnd(2, "0");
  return `${negative ? "-" : ""}${abs / FEN_PER_WAN}.${decimals}`;
}

function count(text: string | undefined): number | string {
  const s = clean(text);
  if (s === "") return "required";
  if (/^-\d+$/.test(s)) return "negative";
  if (!/^\d+$/.test(s)) return "notInteger";
  const n = Number(s);
  return n > MAX_COUNT ? "tooLarge" : n;
}

function rate(text: string | undefined): string | null | { error: string } {
  const s = clean(text).replace(/%$/, "");
  if (s === "") return null;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { error: /^-/.test(s) ? "rateRange" : "notNumber" };
  if ((m[2] ?? "").length > 4) return { error: "tooManyDecimals" };
  const whole = Number(m[1]);
  const decimals = (m[2] ?? "").padEnd(4, "0");
  // Compared as text, not as a float: 24.0001 is out of range, 24.0000 is not.
  if (whole > MAX_RATE_PERCENT || (whole === MAX_RATE_PERCENT && /[1-9]/.test(decimals))) return { error: "rateRange" };
  return `${whole}.${decimals}`;
}

/** True when the bank left every field of the park empty (not yet filled, not an error). */
export function isBlankFigureRow(row: TRawFigureRow): boolean {
  return FIGURE_FIELDS.every((f) => clean(row[f]) === "");
}

/** Parses and checks one park's row: the values, or an error code per field. */
export function parseFigureRow(row: TRawFigureRow): { ok: true; value: TFigureValues } | { ok: false; errors: TFigureErrors } {
  const errors: TFigureErrors = {};
  const balance = wanToFen(row.loanBalance, { allowNegative: false });
  const increment = wanToFen(row.loanIncrement, { allowNegative: true });
  const borrowers = count(row.borrowers);
  const firstLoans = count(row.firstLoans);
  const creditLoans = count(row.creditLoans);
  const averageRate = rate(row.averageRate);
  if (typeof balance === "string") errors.loanBalance = balance;
  if (typeof increment === "string") errors.loanIncrement = increment;
  if (typeof borrowers === "string") errors.borrowers = borrowers;
  if (typeof firstLoans === "string") errors.firstLoans = firstLoans;
  if (typeof creditLoans === "string") errors.creditLoans = creditLoans;
  if (averageRate !== null && typeof averageRate === "object") errors.averageRate = averageRate.error;
  if (typeof borrowers === "number") {
    if (typeof firstLoans === "number" && firstLoans > borrowers) errors.firstLoans = "firstLoansOverBorrowers";
    if (typeof creditLoans === "number" && creditLoans > borrowers) errors.creditLoans = "creditLoansOverBorrowers";
    if (borrowers > 0 && averageRate === null) errors.averageRate = "rateRequired";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      parkId: row.parkId,
      loanBalanceFen: balance as bigint,
      loanIncrementFen: increment as bigint,
      borrowers: borrowers as number,
      firstLoans: firstLoans as number,
      creditLoans: creditLoans as number,
      averageRate: averageRate as string | null,
    },
  };
}

/** The form field of one park's value: "figures.<parkId>.<field>". */
export function figureFieldName(parkId: string, field: TFigureField): string {
  return `figures.${parkId}.${field}`;
}

const FIELD_NAME = /^figures\.([0-9a-fA-F-]{36})\.(loanBalance|loanIncrement|borrowers|firstLoans|creditLoans|averageRate)$/;

/** Rows from a posted form's flat fields (anything else is ignored), in first-seen order. */
export function figureRowsFromForm(form: Record<string, unknown>): TRawFigureRow[] {
  const rows = new Map<string, TRawFigureRow>();
  for (const [key, value] of Object.entries(form)) {
    const m = FIELD_NAME.exec(key);
    if (!m || typeof value !== "string") continue;
    const parkId = m[1]!.toLowerCase();
    const row = rows.get(parkId) ?? { parkId };
    row[m[2] as TFigureField] = value;
    rows.set(parkId, row);
  }
  return [...rows.values()];
}

/** The stored values back as form text (for the form's defaults). */
export function figureToRaw(f: TFigureValues): TRawFigureRow {
  return {
    parkId: f.parkId,
    loanBalance: fenToWanInput(f.loanBalanceFen),
    loanIncrement: fenToWanInput(f.loanIncrementFen),
    borrowers: String(f.borrowers),
    firstLoans: String(f.firstLoans),
    creditLoans: String(f.creditLoans),
    averageRate: f.averageRate === null ? "" : String(Number(f.averageRate)),
  };
}
