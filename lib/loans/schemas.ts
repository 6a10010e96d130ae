/**
 * The inputs of the bank's loan register (贷款登记): a loan made outside a request, and the
 * cancelling entry that corrects one recorded by mistake. Error messages are message keys
 * of the "loans" namespace (loans.errors.<key>) or the shared codes.
 */
import { z } from "zod";
import { wanYuanToFen } from "@/lib/requests/schemas";
import { zCalendarDay, zPlainText } from "@/lib/validation/fields";
import { foldFullWidth } from "@/lib/validation/fold-full-width";

export const LOAN_LIMITS = {
  amount: 20,
  rate: 8,
  term: 4,
  product: 100,
  guarantee: 200,
  reason: 500,
  query: 60,
  maxTermMonths: 360,
} as const;

const id = z.string().uuid({ message: "notFound" });
const text = (max: number, missing = "required") => zPlainText({ message: missing }).trim().max(max, { message: "tooLong" });
const optional = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : v));
const folded = (v: unknown) => (typeof v === "string" ? foldFullWidth(v).trim() : v);
const day = zCalendarDay("badDate");
const optionalDay = z
  .union([day, z.literal("")])
  .optional()
  .transform((v) => (v ? v : null));

/**
 * Record a loan: the enterprise (chosen from the search), the amount in 万元 (stored in
 * fen), term, annual rate in percent (Decimal(6,4), 0 < rate ≤ 24), disbursed day, the
 * maturity (blank: disbursed + term), credit or secured, guarantee company, first loan.
 */
export const ZRecordLoan = z
  .object({
    enterpriseId: z.string({ message: "enterpriseRequired" }).uuid({ message: "enterpriseRequired" }),
    amountFen: z.preprocess(
      folded,
      wanYuanToFen.refine((v) => v !== null, { message: "amountRequired" }),
    ),
    termMonths: z.preprocess(
      folded,
      z.coerce
        .number({ message: "badTerm" })
        .int({ message: "badTerm" })
        .min(1, { message: "badTerm" })
        .max(LOAN_LIMITS.maxTermMonths, { message: "badTerm" }),
    ),
    annualRate: z.preprocess(
      folded,
      z
        .string({ message: "badRate" })
        .regex(/^\d{1,2}(?:\.\d{1,4})?%?$/, { message: "badRate" })
        .transform((v) => v.replace(/%$/, ""))
        .refine((v) => Number(v) > 0 && Number(v) <= 24, { message: "badRate" }),
    ),
    product: text(LOAN_LIMITS.product, "productRequired").min(1, { message: "productRequired" }),
    secured: z.enum(["credit", "secured"], { message: "securedRequired" }),
    guarantee: optional(LOAN_LIMITS.guarantee),
    isFirstLoan: z
      .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
    disbursedOn: day,
    maturesOn: optionalDay,
  })
  .refine((v) => v.maturesOn === null || v.maturesOn > v.disbursedOn, { path: ["maturesOn"], message: "maturesBeforeDisbursed" });
export type TRecordLoanInput = z.output<typeof ZRecordLoan>;

/** Cancel a loan recorded by mistake: a reason, never an edit. */
export const ZCancelLoan = z.object({
  loanId: id,
  reason: text(LOAN_LIMITS.reason, "reasonRequired").min(1, { message: "reasonRequired" }),
});
export type TCancelLoanInput = z.output<typeof ZCancelLoan>;

/** The list's filters (query string): an enterprise, and a maturity window. */
export const ZLoanListFilter = z.object({
  enterpriseId: z.string().uuid().optional().catch(undefined),
  maturesFrom: day.optional().catch(undefined),
  maturesTo: day.optional().catch(undefined),
});
export type TLoanListFilter = z.output<typeof ZLoanListFilter>;
