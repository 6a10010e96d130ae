/**
 * Rules of the public portal's headline statistics. Pure: no I/O, no framework.
 *
 * Money stays in integer fen (bigint) all the way to the string shown: 1 万元 = 10^6 fen,
 * 1 亿元 = 10^10 fen. Rates are shown as percentages with one decimal, computed in
 * integers and rounded half up, so the same counts always give the same text.
 */
import { shanghaiDateString } from "@/lib/calendar/working-days";

const FEN_PER_WAN = 1_000_000n;
const FEN_PER_YI = 10_000_000_000n;

/** The Shanghai calendar year of `now`. */
export function shanghaiYear(now: Date): number {
  return Number(shanghaiDateString(now).slice(0, 4));
}

/** [start, end) of a Shanghai calendar year as UTC instants. */
export function yearWindow(year: number): { start: Date; end: Date } {
  return { start: new Date(`${year}-01-01T00:00:00+08:00`), end: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

/** numerator / denominator as a percentage with one decimal ("93.5"); null when nothing was counted. */
export function ratePercent(numerator: number, denominator: number): string | null {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0 || numerator < 0) return null;
  // Tenths of a percent, rounded half up: (n * 1000 + d / 2) / d.
  const tenths = Math.floor((numerator * 1000 + Math.floor(denominator / 2)) / denominator);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

export type THeadlineAmount = { value: string; unit: "wan" | "yi" };

/**
 * A headline amount: 亿元 with two decimals from 1 亿元 up (a city's yearly lending reads
 * better that way), otherwise 万元 with two decimals. Rounded half up; thousands
 * separators only in the integer part.
 */
export function headlineAmount(fen: bigint | string): THeadlineAmount {
  const value = typeof fen === "bigint" ? fen : BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const unit = abs >= FEN_PER_YI ? "yi" : "wan";
  const per = unit === "yi" ? FEN_PER_YI : FEN_PER_WAN;
  const hundredths = (abs * 100n + per / 2n) / per;
  const whole = (hundredths / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = (hundredths % 100n).toString().padStart(2, "0");
  return { value: `${negative ? "-" : ""}${whole}.${cents}`, unit };
}
