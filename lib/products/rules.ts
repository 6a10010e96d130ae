/**
 * Pure rules of the bank products catalogue (金融产品超市): the product kinds, how a
 * rate against the LPR reads, how a min–max range is described, and whether a product is
 * a credit product. No database, no framework: the pages, the schemas and the queries
 * share them.
 */

// The kinds a bank may choose. The seed's kinds (lib/seed/catalog.ts PRODUCT_KINDS) come
// first, so every seeded product keeps a kind from this list; 其他 is the way out for a
// product that fits none.
export const PRODUCT_KINDS = [
  "信用贷",
  "抵押贷",
  "担保贷",
  "科技贷",
  "专精特新贷",
  "首贷",
  "无还本续贷",
  "应急转贷",
  "供应链融资",
  "应收账款融资",
  "知识产权质押贷",
  "其他",
] as const;
export type TProductKind = (typeof PRODUCT_KINDS)[number];

export function isProductKind(value: unknown): value is TProductKind {
  return typeof value === "string" && (PRODUCT_KINDS as readonly string[]).includes(value);
}

// Bounds that catch typing slips (a rate of LPR + 80% instead of + 0.80%) without
// judging a bank's pricing.
export const RATE_BP_MIN = -500;
export const RATE_BP_MAX = 1500;
export const TERM_MONTHS_MAX = 360;
export const NAME_MAX = 60;
export const TEXT_MAX = 500;

/**
 * A rate in basis points over the LPR as people write it: -20 → "LPR − 0.20%",
 * 0 → "LPR", 85 → "LPR + 0.85%". Integers only, so no float rounding shows.
 */
export function rateOverLprText(bp: number): string {
  if (!Number.isInteger(bp)) throw new RangeError(`basis points must be an integer, got ${bp}`);
  if (bp === 0) return "LPR";
  const abs = Math.abs(bp);
  const percent = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}%`;
  return `LPR ${bp < 0 ? "−" : "+"} ${percent}`;
}

export type TRange<T> =
  | { kind: "none" }
  | { kind: "exact"; value: T }
  | { kind: "between"; min: T; max: T }
  | { kind: "atLeast"; min: T }
  | { kind: "atMost"; max: T };

/**
 * Which sentence a min–max pair needs ("10 至 500 万元", "50 万元起", "最高 300 万元",
 * "面议"); the page words it from the messages. Equal ends read as one value.
 */
export function describeRange<T>(min: T | null, max: T | null, same: (a: T, b: T) => boolean = Object.is): TRange<T> {
  if (min !== null && max !== null) return same(min, max) ? { kind: "exact", value: min } : { kind: "between", min, max };
  if (min !== null) return { kind: "atLeast", min };
  if (max !== null) return { kind: "atMost", max };
  return { kind: "none" };
}

/**
 * A credit (信用) product needs no collateral: its kind is 信用贷 or its collateral text
 * offers 信用 (信用, 信用为主, 信用或担保 …). The collateral is free text written by the
 * bank, so this is the one reading of it the filter and the card share.
 */
export function isCreditProduct(product: { kind: string; collateral: string | null }): boolean {
  return product.kind === "信用贷" || (product.collateral ?? "").includes("信用");
}
