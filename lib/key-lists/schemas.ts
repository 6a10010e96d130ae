/**
 * The inputs of the key-enterprise list actions (zod). Error messages are message keys of
 * the "keyLists" namespace (keyLists.errors.<key>) or the shared codes.
 */
import { z } from "zod";
import { KeyContactOutcome, KeyContactWay } from "@/lib/generated/prisma/enums";
import { zCalendarDay, zEntityId as id, zText as text, zOptionalText as optional } from "@/lib/validation/fields";
import { foldFullWidth } from "@/lib/validation/fold-full-width";
import { parseWanYuan } from "@/lib/validation/wan-yuan";

const version = z.coerce.number({ message: "invalidInput" }).int().min(0).max(1_000_000);

export const KEY_LIST_LIMITS = {
  name: 60,
  tag: 30,
  // 2,000 USCCs of 18 characters with their separators: a pasted Excel column.
  usccs: 40_000,
  maxUsccs: 2_000,
  need: 500,
  note: 500,
  amount: 20,
} as const;

/** A USCC column pasted from Excel: any whitespace or punctuation between codes. */
export function splitUsccs(raw: string): string[] {
  return foldFullWidth(raw)
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}

/**
 * A new list for a program year, filled from the enterprises' tag or from USCCs.
 * `source` says which; the other field is ignored.
 */
export const ZCreateKeyList = z
  .object({
    name: text(KEY_LIST_LIMITS.name).min(1, { message: "required" }),
    year: z.coerce.number({ message: "invalidInput" }).int().min(2000).max(2100),
    source: z.enum(["tag", "import"], { message: "required" }),
    tag: optional(KEY_LIST_LIMITS.tag),
    usccs: text(KEY_LIST_LIMITS.usccs)
      .optional()
      .transform((v) => splitUsccs(v ?? "")),
  })
  .superRefine((v, ctx) => {
    if (v.source === "tag" && !v.tag) ctx.addIssue({ code: "custom", path: ["tag"], message: "required" });
    if (v.source === "import" && v.usccs.length === 0) ctx.addIssue({ code: "custom", path: ["usccs"], message: "required" });
    if (v.usccs.length > KEY_LIST_LIMITS.maxUsccs) ctx.addIssue({ code: "custom", path: ["usccs"], message: "tooMany" });
  });
export type TCreateKeyListInput = z.output<typeof ZCreateKeyList>;

/** USCCs added to a list still being filled (DRAFT). */
export const ZAddKeyListMembers = z.object({
  listId: id,
  usccs: text(KEY_LIST_LIMITS.usccs)
    .transform((v) => splitUsccs(v))
    .refine((l) => l.length > 0, { message: "required" })
    .refine((l) => l.length <= KEY_LIST_LIMITS.maxUsccs, { message: "tooMany" }),
});
export type TAddKeyListMembersInput = z.output<typeof ZAddKeyListMembers>;

/** Hand the list to the banks (DRAFT → ASSIGNED) or close it (ASSIGNED → CLOSED). */
export const ZKeyListStep = z.object({ listId: id, version });
export type TKeyListStepInput = z.output<typeof ZKeyListStep>;

/** Move one member to another bank (while the list is not closed). */
export const ZReassignKeyMember = z.object({ memberId: id, bankOrgId: id });
export type TReassignKeyMemberInput = z.output<typeof ZReassignKeyMember>;

function amountFen(raw: string | undefined, ctx: z.RefinementCtx, path: string): string | null {
  const t = (raw ?? "").trim();
  if (t === "") return null;
  const parsed = parseWanYuan(t);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", path: [path], message: parsed.error });
    return null;
  }
  return parsed.fen;
}

/** The bank's contact with one member: day, way, the need found, the outcome, amounts in 万元. */
export const ZRecordKeyContact = z
  .object({
    memberId: id,
    contactedOn: zCalendarDay("badDate"),
    way: z.enum(Object.values(KeyContactWay) as [KeyContactWay, ...KeyContactWay[]], { message: "required" }),
    outcome: z.enum(Object.values(KeyContactOutcome) as [KeyContactOutcome, ...KeyContactOutcome[]], { message: "required" }),
    need: optional(KEY_LIST_LIMITS.need),
    needAmount: text(KEY_LIST_LIMITS.amount).optional(),
    creditAmount: text(KEY_LIST_LIMITS.amount).optional(),
    note: optional(KEY_LIST_LIMITS.note),
  })
  .transform((v, ctx) => {
    const needAmountFen = amountFen(v.needAmount, ctx, "needAmount");
    const creditAmountFen = amountFen(v.creditAmount, ctx, "creditAmount");
    if (v.outcome === KeyContactOutcome.CREDIT_GRANTED && creditAmountFen === null && !ctx.issues?.length) {
      ctx.addIssue({ code: "custom", path: ["creditAmount"], message: "required" });
    }
    return { ...v, needAmountFen, creditAmountFen };
  });
export type TRecordKeyContactInput = z.output<typeof ZRecordKeyContact>;
