/**
 * What the assistance plan forms post (shared by the actions and the mutations, which
 * re-check everything). The figures are checked like a bank's credit target
 * (checkTarget: 万元 with two decimals to fen, whole households, first and credit loans
 * within the borrowers). Team members are posted flat: teamName.0 / teamRole.0 /
 * teamPhone.0 … (blank rows ignored). Error messages are codes under "plans.errors" or
 * the shared errors.
 */
import { z } from "zod";
import { checkTarget, TARGET_FIELD_MAX } from "@/lib/targets/rules";
import { zPlainText } from "@/lib/validation/fields";
import {
  PLAN_PHONE_MAX,
  PLAN_PRODUCTS_MAX,
  PLAN_REASON_MAX,
  PLAN_REASON_MIN,
  PLAN_SHORT_MAX,
  PLAN_TEAM_MAX,
  PLAN_TEXT_MAX,
  type TPlanTeamMember,
} from "./rules";

const id = z.string().trim().min(1, { message: "notFound" }).max(64, { message: "notFound" });
const version = z.coerce.number({ message: "conflict" }).int({ message: "conflict" }).min(1, { message: "conflict" });
const text = (max: number) => zPlainText().trim().min(1, { message: "required" }).max(max, { message: "tooLong" });
const zFigure = z.string({ message: "required" }).max(TARGET_FIELD_MAX, { message: "tooLong" });

export function teamFieldName(kind: "name" | "role" | "phone", index: number): string {
  return `team${kind[0]!.toUpperCase()}${kind.slice(1)}.${index}`;
}

const ZMember = z.object({
  name: text(PLAN_SHORT_MAX),
  role: text(PLAN_SHORT_MAX),
  phone: zPlainText()
    .trim()
    .min(1, { message: "required" })
    .max(PLAN_PHONE_MAX, { message: "tooLong" })
    .regex(/^[\d\s+()-]+$/, { message: "badPhone" }),
});

const productIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== ""))
  .pipe(z.array(z.guid({ message: "notFound" })).max(PLAN_PRODUCTS_MAX, { message: "tooMany" }));

/** The plan's content, as the bank's editor posts it. */
const ZContentFields = {
  objectives: text(PLAN_TEXT_MAX),
  amount: zFigure,
  borrowers: zFigure,
  firstLoans: zFigure,
  creditLoans: zFigure,
  greenChannel: text(PLAN_TEXT_MAX),
  productIds,
};

export type TPlanContent = {
  objectives: string;
  amountFen: bigint;
  borrowers: number;
  firstLoans: number;
  creditLoans: number;
  greenChannel: string;
  productIds: string[];
  team: TPlanTeamMember[];
};

function contentOf(v: Record<string, unknown> & z.output<z.ZodObject<typeof ZContentFields>>, ctx: z.RefinementCtx): TPlanContent {
  const { value, errors } = checkTarget({ amount: v.amount, borrowers: v.borrowers, firstLoans: v.firstLoans, creditLoans: v.creditLoans });
  for (const [path, message] of Object.entries(errors)) ctx.addIssue({ code: "custom", path: [path], message });
  const team: TPlanTeamMember[] = [];
  const blank = (x: unknown) => x === undefined || (typeof x === "string" && x.trim() === "");
  for (let i = 0; i < PLAN_TEAM_MAX; i++) {
    const raw = { name: v[teamFieldName("name", i)], role: v[teamFieldName("role", i)], phone: v[teamFieldName("phone", i)] };
    if (blank(raw.name) && blank(raw.role) && blank(raw.phone)) continue;
    const parsed = ZMember.safeParse({ name: raw.name ?? "", role: raw.role ?? "", phone: raw.phone ?? "" });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: "custom", path: [teamFieldName(issue.path[0] as "name" | "role" | "phone", i)], message: issue.message });
      continue;
    }
    team.push(parsed.data);
  }
  if (team.length === 0) ctx.addIssue({ code: "custom", path: [teamFieldName("name", 0)], message: "teamRequired" });
  return {
    objectives: v.objectives,
    amountFen: value?.amountFen ?? 0n,
    borrowers: value?.borrowers ?? 0,
    firstLoans: value?.firstLoans ?? 0,
    creditLoans: value?.creditLoans ?? 0,
    greenChannel: v.greenChannel,
    productIds: [...new Set(v.productIds)],
    team,
  };
}

/** The bank starts the year's plan for a park it is the main bank of. */
export const ZStartPlanInput = z.looseObject({ parkId: id, ...ZContentFields }).transform((v, ctx) => ({
  parkId: v.parkId,
  content: contentOf(v, ctx),
}));
export type TStartPlanInput = z.output<typeof ZStartPlanInput>;

/** The bank saves its draft, or saves and submits it (intent "submit"). */
export const ZSavePlanInput = z
  .looseObject({ planId: id, version, intent: z.enum(["save", "submit"], { message: "invalidInput" }).default("save"), ...ZContentFields })
  .transform((v, ctx) => ({ planId: v.planId, version: v.version, intent: v.intent, content: contentOf(v, ctx) }));
export type TSavePlanInput = z.output<typeof ZSavePlanInput>;

/** A step without content: revise. */
export const ZPlanStepInput = z.object({ planId: id, version });
export type TPlanStepInput = z.output<typeof ZPlanStepInput>;

/** A review (the park's or the finance office's): approve, or return with a reason. */
export const ZPlanReviewInput = z
  .object({
    planId: id,
    version,
    decision: z.enum(["approve", "return"], { message: "invalidInput" }),
    reason: zPlainText().trim().max(PLAN_REASON_MAX, { message: "tooLong" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "return" && (v.reason ?? "").length < PLAN_REASON_MIN)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
  });
export type TPlanReviewInput = z.output<typeof ZPlanReviewInput>;
