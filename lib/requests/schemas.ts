/**
 * The inputs of every workflow step of a request (问题清单条目), validated with zod.
 *
 * One definition serves both sides: server actions parse untrusted form data with these
 * schemas, and the domain mutations (lib/requests/mutations) take the parsed types.
 * Error messages are message keys of the "requests" namespace ("errors.<key>"), shown
 * next to the field.
 *
 * Every step on an existing item carries the `version` the user saw: the mutation
 * refuses with AppError("conflict") when someone else changed the item since.
 */

import { z } from "zod";
import {
  zCalendarDay,
  zEntityId as id,
  zVersion as version,
  zText as text,
  zRequiredText as required,
  zOptionalText as optional,
} from "@/lib/validation/fields";
import { foldFullWidth } from "@/lib/validation/fold-full-width";
import { parseWanYuan } from "@/lib/validation/wan-yuan";
import { AnswerKind, Rating, RequestType } from "@/lib/generated/prisma/enums";
import { normalizeSaveRequestForm } from "./save-form";

/** "YYYY-MM-DD" (a Shanghai calendar day that exists). */
const day = zCalendarDay("badDate");
const optionalDay = z
  .union([day, z.literal("")])
  .optional()
  .transform((v) => (v ? v : null));
/**
 * An amount typed in 万元 (full-width forms folded, at most WAN_YUAN_DECIMALS decimals:
 * "tooManyDecimals" beyond), returned as fen in a decimal string so no float ever touches
 * money. "" → null.
 */
export const wanYuanToFen = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return null;
    const parsed = parseWanYuan(v);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.fen;
  });
// Whole numbers typed with an IME come full-width ("１２"): folded like every code-like field.
const folded = (v: unknown) => (typeof v === "string" ? foldFullWidth(v).trim() : v);
const optionalInt = (min: number, max: number) =>
  z.preprocess(
    folded,
    z
      .union([
        z.coerce.number().int({ message: "badNumber" }).min(min, { message: "badNumber" }).max(max, { message: "badNumber" }),
        z.literal(""),
      ])
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : v)),
  );
/** Percent per year, e.g. "3.45" → "3.4500" (Decimal(6,4) in the database). */
const annualRate = z
  .string()
  .trim()
  .regex(/^\d{1,2}(?:\.\d{1,4})?$/, { message: "badRate" });
const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

// ── enterprise ──

/** Create (no requestId) or update a draft; `submit` sends it to the park window. */
export const ZSaveRequest = z.object({
  requestId: id.optional(),
  version: version.optional(),
  type: z.nativeEnum(RequestType, { message: "required" }),
  title: required(80),
  description: required(2000),
  amountFen: wanYuanToFen,
  purpose: optional(500),
  termMonths: optionalInt(1, 360),
  collateral: optional(500),
  neededBy: optionalDay,
  preferredProducts: z.array(text(60)).max(10).default([]),
  submit: checkbox,
});
export type TSaveRequestInput = z.output<typeof ZSaveRequest>;

export const ZWithdraw = z.object({ requestId: id, version, reason: required(500) });
export type TWithdrawInput = z.output<typeof ZWithdraw>;

export const ZRate = z.object({
  requestId: id,
  version,
  rating: z.nativeEnum(Rating, { message: "required" }),
  comment: optional(500),
});
export type TRateInput = z.output<typeof ZRate>;

/** The enterprise contests a park's return; the finance office rules on it. */
export const ZDisputeReturn = z.object({ requestId: id, version, note: required(500) });
export type TDisputeReturnInput = z.output<typeof ZDisputeReturn>;

/**
 * The enterprise sends the documents a bank asked for (需补充材料): a note to the bank; the
 * files are the ones uploaded since the answer (the attachments route), sent with it.
 */
export const ZSupplyDocuments = z.object({ requestId: id, version, note: required(1000) });
export type TSupplyDocumentsInput = z.output<typeof ZSupplyDocuments>;

// ── park window ──

/**
 * bankOrgId null: route automatically to the park's main contact bank (its servicing
 * sub-branch when the pairing names one), participating banks copied when
 * `copyParticipating`. A bank id: route to that bank (must be paired with the park).
 */
export const ZForward = z.object({
  requestId: id,
  version,
  bankOrgId: z
    .union([z.string().uuid({ message: "badBank" }), z.literal("")])
    .optional()
    .transform((v) => (v ? v : null)),
  copyParticipating: checkbox,
  note: optional(500),
});
export type TForwardInput = z.output<typeof ZForward>;

export const ZReturn = z.object({ requestId: id, version, reason: required(500) });
export type TReturnInput = z.output<typeof ZReturn>;

// ── bank ──

export const ZSign = z.object({ requestId: id, version });
export type TSignInput = z.output<typeof ZSign>;

export const ZAnswer = z.discriminatedUnion("kind", [
  z.object({
    requestId: id,
    version,
    kind: z.literal(AnswerKind.CAN_DO),
    conditions: required(1000),
    procedure: required(1000),
    suggestedProducts: optional(500),
  }),
  z.object({ requestId: id, version, kind: z.literal(AnswerKind.NEEDS_DOCUMENTS), documents: required(1000) }),
  z.object({ requestId: id, version, kind: z.literal(AnswerKind.CANNOT_DO), reason: required(1000) }),
  z.object({
    requestId: id,
    version,
    kind: z.literal(AnswerKind.GRANTED),
    amountFen: wanYuanToFen.refine((v) => v !== null, { message: "required" }),
    annualRate,
    termMonths: z.preprocess(
      folded,
      z.coerce
        .number({ message: "badNumber" })
        .int({ message: "badNumber" })
        .min(1, { message: "badNumber" })
        .max(360, { message: "badNumber" }),
    ),
    product: required(100),
    guarantee: optional(200),
    isFirstLoan: checkbox,
    isCreditLoan: checkbox,
    grantedOn: day,
    disbursedOn: optionalDay,
    maturesOn: optionalDay,
  }),
]);
export type TAnswerInput = z.output<typeof ZAnswer>;

/** Pass to a participating bank of the same park (escalates: the finance office watches). */
export const ZPass = z.object({ requestId: id, version, toBankOrgId: z.string().uuid({ message: "badBank" }), reason: required(500) });
export type TPassInput = z.output<typeof ZPass>;

/** No bank can solve it: to the finance office's supervision queue. */
export const ZDeclareUnsolvable = z.object({ requestId: id, version, reason: required(1000) });
export type TDeclareUnsolvableInput = z.output<typeof ZDeclareUnsolvable>;

// ── finance office (督办) ──

/** Assign to another bank with a new deadline of `deadlineDays` working days from now. */
export const ZAssign = z.object({
  requestId: id,
  version,
  bankOrgId: z.string().uuid({ message: "badBank" }),
  deadlineDays: z.coerce
    .number({ message: "badNumber" })
    .int({ message: "badNumber" })
    .min(1, { message: "badNumber" })
    .max(20, { message: "badNumber" }),
  note: optional(500),
});
export type TAssignInput = z.output<typeof ZAssign>;

/** 催办: a reminder notice to the late bank. */
export const ZRemind = z.object({ requestId: id, version, note: optional(500) });
export type TRemindInput = z.output<typeof ZRemind>;

/** 销号: close the item out with an explanation. */
export const ZCloseOut = z.object({ requestId: id, version, explanation: required(1000) });
export type TCloseOutInput = z.output<typeof ZCloseOut>;

/** Ruling on a disputed return: upheld keeps it returned, overruled sends it back to the park's queue. */
export const ZRuleOnDispute = z.object({ requestId: id, version, upheld: checkbox, note: required(500) });
export type TRuleOnDisputeInput = z.output<typeof ZRuleOnDispute>;

/** The finance office checked a withdrawal made after an answer (nobody pressed the enterprise). */
export const ZCheckWithdrawal = z.object({ requestId: id, version, note: required(500) });
export type TCheckWithdrawalInput = z.output<typeof ZCheckWithdrawal>;

// The request form as posted (checkboxes and empty fields normalised first).
export const ZSaveRequestForm = z.preprocess(normalizeSaveRequestForm, ZSaveRequest);

// "mode" is the form's radio: "pick" with no bank chosen must not fall back to the
// automatic route (an empty bankOrgId means automatic in ZForward).
export const ZForwardForm = z
  .object({ mode: z.enum(["auto", "pick"]).optional() })
  .and(ZForward)
  .superRefine((v, ctx) => {
    if (v.mode === "pick" && v.bankOrgId === null) ctx.addIssue({ code: "custom", path: ["bankOrgId"], message: "badBank" });
  });

// Reloading a request's history.
export const ZRequestTimelineInput = z.object({ requestId: z.string().uuid({ message: "notFound" }) });

// 提交 from the detail page: the draft as saved, at the version the user saw.
export const ZSubmitDraftInput = z.object({ requestId: z.string().uuid({ message: "notFound" }), version: z.coerce.number().int().min(0) });
