/**
 * A bank's annual credit target and how far its returns have come towards it. Pure.
 *
 * - The amount is new lending (贷款增量) for the year, typed in 万元 with at most two
 *   decimals and stored as fen; the three counts are whole households.
 * - Year to date, the amount reached is the sum of the loan increments of the year's
 *   accepted returns; the counts are the ones the newest accepted return states (borrowers,
 *   first-loan and credit-loan households at the end of that quarter), because a return
 *   reports households, not new ones, and adding quarters would count a household again.
 * - Attainment is actual ÷ target × 100 (a percent cut to two decimals, may pass 100); no target
 *   or a zero target has none.
 * Error codes are keys under "targets.errors" (or the shared errors.codes).
 */
import { foldFullWidth } from "@/lib/validation/fold-full-width";
import { parseWanYuan } from "@/lib/validation/wan-yuan";

export const TARGET_MEASURES = ["amount", "borrowers", "firstLoans", "creditLoans"] as const;
export type TTargetMeasure = (typeof TARGET_MEASURES)[number];

export type TTargetValues = { amountFen: bigint; borrowers: number; firstLoans: number; creditLoans: number };

/** The longest a typed figure may be (digits, separators, decimals) and the note's limit. */
export const TARGET_FIELD_MAX = 20;
export const TARGET_NOTE_MAX = 200;
const MAX_COUNT = 10_000_000;

export type TTargetErrors = Partial<Record<TTargetMeasure | "note", string>>;

function count(text: string): number | string {
  const s = foldFullWidth(text).replace(/[,，\s]/g, "");
  if (s === "") return "required";
  if (!/^\d+$/.test(s)) return "notInteger";
  const n = Number(s);
  return n > MAX_COUNT ? "tooLarge" : n;
}

/**
 * The form's text → a target, or an error per field. First loans and credit loans are
 * households among the borrowers, so neither target may exceed the borrowers'.
 */
export function checkTarget(raw: Partial<Record<TTargetMeasure, string>>): { value: TTargetValues | null; errors: TTargetErrors } {
  const errors: TTargetErrors = {};
  const amountText = (raw.amount ?? "").trim();
  let amountFen: bigint | null = null;
  if (amountText === "") errors.amount = "required";
  else {
    const parsed = parseWanYuan(amountText);
    if (parsed.ok) amountFen = BigInt(parsed.fen);
    else errors.amount = parsed.error;
  }
  const counts: Partial<Record<"borrowers" | "firstLoans" | "creditLoans", number>> = {};
  for (const key of ["borrowers", "firstLoans", "creditLoans"] as const) {
    const n = count(raw[key] ?? "");
    if (typeof n === "string") errors[key] = n;
    else counts[key] = n;
  }
  if (counts.borrowers !== undefined) {
    if (counts.firstLoans !== undefined && counts.firstLoans > counts.borrowers) errors.firstLoans = "overBorrowers";
    if (counts.creditLoans !== undefined && counts.creditLoans > counts.borrowers) errors.creditLoans = "overBorrowers";
  }
  if (Object.keys(errors).length > 0 || amountFen === null) return { value: null, errors };
  return {
    value: { amountFen, borrowers: counts.borrowers!, firstLoans: counts.firstLoans!, creditLoans: counts.creditLoans! },
    errors,
  };
}

/** The measures whose value differs between two targets (none: the change is refused). */
export function changedMeasures(before: TTargetValues | null, after: TTargetValues): TTargetMeasure[] {
  if (!before) return [...TARGET_MEASURES];
  return [
    before.amountFen !== after.amountFen ? "amount" : null,
    before.borrowers !== after.borrowers ? "borrowers" : null,
    before.firstLoans !== after.firstLoans ? "firstLoans" : null,
    before.creditLoans !== after.creditLoans ? "creditLoans" : null,
  ].filter((m): m is TTargetMeasure => m !== null);
}

/**
 * actual ÷ target × 100, cut to 0.01 (never shown as reached before it is); null without a
 * positive target. Amounts are divided as fen (BigInt), so no float touches the money.
 */
export function attainmentPercent(actual: bigint | number, target: bigint | number | null): number | null {
  if (target === null) return null;
  const t = BigInt(target);
  if (t <= 0n) return null;
  // Basis points of a percent in integers, then one division to a number.
  const scaled = (BigInt(actual) * 10_000n) / t;
  return Number(scaled) / 100;
}
