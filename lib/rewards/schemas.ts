import { z } from "zod";
import { zCalendarDay, zPlainText } from "@/lib/validation/fields";

// The register of rewards and restrictions (奖励与差别化制约措施登记): one entry per measure
// the offices take about a bank, most often after the annual assessment. The finance
// office enters them; an entry is never edited — a correction or a withdrawal is a new
// entry naming the one it supersedes.

export const MEASURE_MAX = 100;
export const OFFICE_MAX = 100;
export const BASIS_MAX = 1000;

const zText = (max: number) => zPlainText({ message: "required" }).trim().min(1, { message: "required" }).max(max, { message: "tooLong" });
const zOptionalId = z
  .union([z.literal(""), z.null(), z.guid({ message: "notFound" })])
  .optional()
  .transform((v) => (v ? v : null));

export const ZRecordRewardRestrictionInput = z.object({
  programId: z.guid({ message: "notFound" }),
  bankOrgId: z.guid({ message: "required" }),
  kind: z.enum(["REWARD", "RESTRICTION"], { message: "required" }),
  /** What is done: 通报表扬, 约谈, 暂停新增业务准入… */
  measure: zText(MEASURE_MAX),
  /** Who decided it: 市地方金融管理局, 人民银行益阳市中心支行… */
  issuingOffice: zText(OFFICE_MAX),
  issuedOn: zCalendarDay(),
  /** Why: the assessment result, the document, the meeting. */
  basis: zText(BASIS_MAX),
  /** The PUBLISHED annual assessment it follows from, if any. */
  rankingId: zOptionalId,
  /** The entry this one corrects or withdraws. */
  supersedesId: zOptionalId,
  /** "on": this entry withdraws the superseded one (no measure in force). */
  withdrawn: z
    .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});
export type TRecordRewardRestrictionInput = z.infer<typeof ZRecordRewardRestrictionInput>;
