import { foldFullWidth } from "./fold-full-width";

/**
 * Amounts are typed and shown in 万元 with two decimals (100 yuan). More decimals are
 * refused, not kept: a stored 10.005 万元 would be shown as 10.01 everywhere, so the
 * figure on screen would not be the one recorded.
 */
export const WAN_YUAN_DECIMALS = 2;
const FEN_PER_WAN = 1_000_000n;
const FEN_PER_STEP = 10n ** BigInt(6 - WAN_YUAN_DECIMALS);

export type TWanYuanParse = { ok: true; fen: string } | { ok: false; error: "badAmount" | "tooManyDecimals" };

/**
 * "1,234.5" / "１２３４．５" / "10。5" 万元 → fen as a decimal string (no float touches money).
 * Full-width forms are folded first; thousands separators and spaces are ignored. Below
 * 10^9 万元 and above zero.
 */
export function parseWanYuan(input: string): TWanYuanParse {
  const text = foldFullWidth(input).replace(/[,\s]/g, "");
  const m = /^(\d{1,9})(?:\.(\d+))?$/.exec(text);
  if (!m) return { ok: false, error: "badAmount" };
  // Trailing zeros add no precision: "10.500" is 10.5.
  const decimals = (m[2] ?? "").replace(/0+$/, "");
  if (decimals.length > WAN_YUAN_DECIMALS) return { ok: false, error: "tooManyDecimals" };
  const fen = BigInt(m[1]!) * FEN_PER_WAN + BigInt(decimals.padEnd(WAN_YUAN_DECIMALS, "0")) * FEN_PER_STEP;
  return fen > 0n ? { ok: true, fen: fen.toString() } : { ok: false, error: "badAmount" };
}
