import { z } from "zod";
import { zRequiredText as required, zOptionalText as optional } from "@/lib/validation/fields";
import { wanYuanToFen } from "@/lib/requests/schemas";
import { NAME_MAX, PRODUCT_KINDS, RATE_BP_MAX, RATE_BP_MIN, TERM_MONTHS_MAX, TEXT_MAX } from "./rules";

// Inputs of the product forms, parsed by the server actions and taken, parsed, by the
// mutations. Error messages are keys under "products.errors". Pure: no database.

const id = z.string({ message: "notFound" }).trim().uuid({ message: "notFound" });

/** Whole months, 1 to 360; "" → null (no bound). */
const months = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return null;
    const n = /^\d{1,3}$/.test(v) ? Number(v) : NaN;
    if (!(n >= 1 && n <= TERM_MONTHS_MAX)) {
      ctx.addIssue({ code: "custom", message: "badTerm" });
      return z.NEVER;
    }
    return n;
  });

/**
 * Basis points over the LPR, e.g. "-20" (LPR − 0.20%) or "+80"; the typographic minus
 * (−) and full-width signs are accepted because that is how the rate is usually written.
 * "" → null.
 */
const basisPoints = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return null;
    const normalized = v.replace(/[−－]/g, "-").replace(/＋/g, "+");
    const n = /^[+-]?\d{1,4}$/.test(normalized) ? Number(normalized) : NaN;
    if (!(n >= RATE_BP_MIN && n <= RATE_BP_MAX)) {
      ctx.addIssue({ code: "custom", message: "badRate" });
      return z.NEVER;
    }
    return n;
  });

const productFields = z.object({
  name: required(NAME_MAX),
  kind: z.enum(PRODUCT_KINDS, { message: "required" }),
  minAmount: wanYuanToFen,
  maxAmount: wanYuanToFen,
  minTermMonths: months,
  maxTermMonths: months,
  minRateBp: basisPoints,
  maxRateBp: basisPoints,
  collateral: optional(TEXT_MAX),
  targets: optional(TEXT_MAX),
  howToApply: required(TEXT_MAX),
});

type TFields = z.infer<typeof productFields>;

/** The stored shape: amounts in fen as BigInt, every range with min ≤ max. */
export type TProductValues = {
  name: string;
  kind: (typeof PRODUCT_KINDS)[number];
  minAmountFen: bigint | null;
  maxAmountFen: bigint | null;
  minTermMonths: number | null;
  maxTermMonths: number | null;
  minRateBpOverLpr: number | null;
  maxRateBpOverLpr: number | null;
  collateral: string | null;
  targets: string | null;
  howToApply: string;
};

function toValues(f: TFields, ctx: z.RefinementCtx): TProductValues {
  const minAmountFen = f.minAmount === null ? null : BigInt(f.minAmount);
  const maxAmountFen = f.maxAmount === null ? null : BigInt(f.maxAmount);
  // The error goes on the upper bound: that is the field the user reads last.
  if (minAmountFen !== null && maxAmountFen !== null && minAmountFen > maxAmountFen)
    ctx.addIssue({ code: "custom", path: ["maxAmount"], message: "rangeInverted" });
  if (f.minTermMonths !== null && f.maxTermMonths !== null && f.minTermMonths > f.maxTermMonths)
    ctx.addIssue({ code: "custom", path: ["maxTermMonths"], message: "rangeInverted" });
  if (f.minRateBp !== null && f.maxRateBp !== null && f.minRateBp > f.maxRateBp)
    ctx.addIssue({ code: "custom", path: ["maxRateBp"], message: "rangeInverted" });
  return {
    name: f.name,
    kind: f.kind,
    minAmountFen,
    maxAmountFen,
    minTermMonths: f.minTermMonths,
    maxTermMonths: f.maxTermMonths,
    minRateBpOverLpr: f.minRateBp,
    maxRateBpOverLpr: f.maxRateBp,
    collateral: f.collateral,
    targets: f.targets,
    howToApply: f.howToApply,
  };
}

/** A new product; bankOrgId (optional) lets a parent bank publish for one of its branches. */
export const ZCreateProductInput = productFields
  .extend({ bankOrgId: id.optional().or(z.literal("").transform(() => undefined)) })
  .transform((f, ctx) => ({ bankOrgId: f.bankOrgId, values: toValues(f, ctx) }));
export type TCreateProductInput = z.output<typeof ZCreateProductInput>;

export const ZUpdateProductInput = productFields
  .extend({ productId: id })
  .transform((f, ctx) => ({ productId: f.productId, values: toValues(f, ctx) }));
export type TUpdateProductInput = z.output<typeof ZUpdateProductInput>;

export const ZProductIdInput = z.object({ productId: id });
export type TProductIdInput = z.output<typeof ZProductIdInput>;
