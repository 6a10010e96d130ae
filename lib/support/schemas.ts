import { z } from "zod";
import { readIsoDay } from "@/lib/programs/rules";
import { parseWanYuan } from "@/lib/validation/wan-yuan";
import {
  ATTENDEES_MAX,
  COMMENT_MAX,
  PLAN_MAX,
  PROFILE_MAX,
  PROGRESS_MAX,
  REASON_MAX,
  SCORE_MAX,
  TARGETS_MAX,
  TOPICS_MAX,
  isMonth,
} from "./rules";

// The inputs of the 1+1 support actions. Amounts are typed in 万元 and travel as fen
// (decimal strings, no float); an empty credit amount is zero.

/** Rows of visits / coaching sessions the monthly form offers (a0…a2). */
export const ACTIVITY_ROWS = 3;
export const ACTIVITY_KINDS = ["VISIT", "COACHING"] as const;
export type TActivity = { kind: (typeof ACTIVITY_KINDS)[number]; date: string; topics: string; attendees: string };

const text = (max: number) => z.string().max(max, { message: "tooLong" });
const optionalText = (max: number) => text(max).optional().default("");
const version = z.coerce.number({ message: "invalidInput" }).int().min(0).max(1_000_000);

function amountFen(raw: string, ctx: z.RefinementCtx, path: string, optional: boolean): string | null {
  const t = raw.trim();
  if (t === "") {
    if (!optional) ctx.addIssue({ code: "custom", path: [path], message: "required" });
    return null;
  }
  const parsed = parseWanYuan(t);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", path: [path], message: parsed.error });
    return null;
  }
  return parsed.fen;
}

export const ZSaveSupportFileInput = z
  .object({
    pairingId: z.guid({ message: "notFound" }),
    /** The file's version the form showed ("0": none yet); another edit first → "conflict". */
    version,
    profile: text(PROFILE_MAX),
    coachingPlan: text(PLAN_MAX),
    creditLineTarget: optionalText(20),
    otherTargets: optionalText(TARGETS_MAX),
  })
  .transform((raw, ctx) => {
    const profile = raw.profile.trim();
    const coachingPlan = raw.coachingPlan.trim();
    if (profile === "") ctx.addIssue({ code: "custom", path: ["profile"], message: "required" });
    if (coachingPlan === "") ctx.addIssue({ code: "custom", path: ["coachingPlan"], message: "required" });
    const fen = amountFen(raw.creditLineTarget, ctx, "creditLineTarget", true);
    const other = raw.otherTargets.trim();
    return {
      pairingId: raw.pairingId,
      version: raw.version,
      profile,
      coachingPlan,
      creditLineTargetFen: fen,
      otherTargets: other === "" ? null : other,
    };
  });
export type TSaveSupportFileInput = z.infer<typeof ZSaveSupportFileInput>;

const activityFields = Object.fromEntries(
  Array.from({ length: ACTIVITY_ROWS }, (_, i) => [
    [`a${i}Kind`, z.enum(ACTIVITY_KINDS, { message: "invalidInput" }).optional()],
    [`a${i}Date`, optionalText(10)],
    [`a${i}Topics`, optionalText(TOPICS_MAX)],
    [`a${i}Attendees`, optionalText(ATTENDEES_MAX)],
  ]).flat(),
) as Record<string, z.ZodType>;

export const ZFileSupportReportInput = z
  .object({
    pairingId: z.guid({ message: "notFound" }),
    month: z.string().max(7, { message: "tooLong" }),
    /** The report's version the form showed ("0": no report yet). */
    version,
    plan: text(PLAN_MAX),
    progress: text(PROGRESS_MAX),
    creditGranted: optionalText(20),
    ...activityFields,
  })
  .transform((raw, ctx) => {
    const r = raw as unknown as Record<string, string | undefined>;
    if (!isMonth(raw.month)) ctx.addIssue({ code: "custom", path: ["month"], message: "invalidInput" });
    const plan = raw.plan.trim();
    const progress = raw.progress.trim();
    if (plan === "") ctx.addIssue({ code: "custom", path: ["plan"], message: "required" });
    if (progress === "") ctx.addIssue({ code: "custom", path: ["progress"], message: "required" });
    const activities: TActivity[] = [];
    for (let i = 0; i < ACTIVITY_ROWS; i++) {
      const date = (r[`a${i}Date`] ?? "").trim();
      const topics = (r[`a${i}Topics`] ?? "").trim();
      const attendees = (r[`a${i}Attendees`] ?? "").trim();
      if (date === "" && topics === "" && attendees === "") continue;
      const day = readIsoDay(date);
      if (!day) ctx.addIssue({ code: "custom", path: [`a${i}Date`], message: date === "" ? "required" : "badDate" });
      if (topics === "") ctx.addIssue({ code: "custom", path: [`a${i}Topics`], message: "required" });
      activities.push({ kind: (r[`a${i}Kind`] as TActivity["kind"] | undefined) ?? "VISIT", date: day ?? date, topics, attendees });
    }
    const credit = amountFen(raw.creditGranted, ctx, "creditGranted", true);
    return {
      pairingId: raw.pairingId,
      month: raw.month,
      version: raw.version,
      plan,
      progress,
      creditGrantedFen: credit ?? "0",
      activities,
    };
  });
export type TFileSupportReportInput = z.infer<typeof ZFileSupportReportInput>;

export const ZReviewSupportReportInput = z
  .object({
    reportId: z.guid({ message: "notFound" }),
    version,
    decision: z.enum(["accept", "return"], { message: "invalidInput" }),
    reason: optionalText(REASON_MAX),
  })
  .transform((raw, ctx) => {
    const reason = raw.reason.trim();
    if (raw.decision === "return" && reason === "") ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
    return { reportId: raw.reportId, version: raw.version, decision: raw.decision, reason: reason === "" ? null : reason };
  });
export type TReviewSupportReportInput = z.infer<typeof ZReviewSupportReportInput>;

const score = z.coerce
  .number({ message: "wholeNumber" })
  .int({ message: "wholeNumber" })
  .min(0, { message: "scoreRange" })
  .max(SCORE_MAX, { message: "scoreRange" });

export const ZSaveSupportAssessmentInput = z.object({
  pairingId: z.guid({ message: "notFound" }),
  /** The assessment's version the form showed ("0": none yet). */
  version,
  coachingScore: score,
  creditScore: score,
  reportingScore: score,
  comment: optionalText(COMMENT_MAX).transform((s) => (s.trim() === "" ? null : s.trim())),
});
export type TSaveSupportAssessmentInput = z.infer<typeof ZSaveSupportAssessmentInput>;
