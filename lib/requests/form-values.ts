/**
 * Turning a stored item back into what its form fields show. Pure; the inverse of the
 * parsing in lib/requests/schemas.ts (wanYuanToFen, "YYYY-MM-DD" days).
 */

/** Fen (decimal string) → 万元 as typed: "1500000" → "1.5", "12000000000" → "12000". */
export function fenToWanYuanInput(fen: string | null): string {
  if (fen === null || !/^\d+$/.test(fen)) return "";
  const value = BigInt(fen);
  const whole = value / 1_000_000n;
  const fraction = (value % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/** A @db.Date column (UTC midnight of the day) → "YYYY-MM-DD" for <input type="date">. */
export function dateColumnToInput(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
