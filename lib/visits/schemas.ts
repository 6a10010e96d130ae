/**
 * The inputs of the park visit actions (zod). Error messages are message keys of the
 * "visits" namespace (visits.errors.<key>) or the shared codes.
 */
import { z } from "zod";
import { RequestType } from "@/lib/generated/prisma/enums";
import {
  zCalendarDay,
  zEntityId as id,
  zVersion as version,
  zText as text,
  zRequiredText as required,
  zOptionalText as optional,
  zIdList as idList,
} from "@/lib/validation/fields";
import { foldFullWidth } from "@/lib/validation/fold-full-width";

export const VISIT_LIMITS = {
  leaderName: 40,
  participantsNote: 500,
  enterprises: 2000,
  findings: 4000,
  finding: 500,
  maxFindings: 30,
  maxEnterprises: 100,
} as const;

/**
 * Record a visit. `counterpartId` is the bank (when the park records) or the park (when
 * the bank records). Enterprises are given by USCC, one a line (a park has thousands:
 * no list to tick); findings one a line.
 */
export const ZRecordVisit = z.object({
  counterpartId: id,
  visitedOn: zCalendarDay("badDate"),
  leaderName: required(VISIT_LIMITS.leaderName),
  participantOrgIds: idList(50),
  participantsNote: optional(VISIT_LIMITS.participantsNote),
  enterprises: z.preprocess(
    (v) => (typeof v === "string" ? foldFullWidth(v) : v),
    text(VISIT_LIMITS.enterprises)
      .optional()
      .transform((v) =>
        (v ?? "")
          .split(/[\s,，、;；]+/)
          .map((s) => s.trim().toUpperCase())
          .filter(Boolean),
      )
      .refine((list) => list.length <= VISIT_LIMITS.maxEnterprises, { message: "tooMany" }),
  ),
  summary: optional(VISIT_LIMITS.participantsNote),
  findings: text(VISIT_LIMITS.findings)
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length <= VISIT_LIMITS.maxFindings, { message: "tooMany" })
    .refine((list) => list.every((f) => f.length <= VISIT_LIMITS.finding), { message: "findingTooLong" }),
});
export type TRecordVisitInput = z.output<typeof ZRecordVisit>;

export const ZConfirmVisit = z.object({ visitId: id, version });
export type TConfirmVisitInput = z.output<typeof ZConfirmVisit>;

/** A finding becomes an enterprise's problem-list item (a difficulty or a consultation). */
export const ZRaiseFindingItem = z.object({
  findingId: id,
  enterpriseId: id,
  type: z.enum([RequestType.DIFFICULTY, RequestType.CONSULTATION], { message: "required" }),
  title: required(80),
  description: required(2000),
});
export type TRaiseFindingItemInput = z.output<typeof ZRaiseFindingItem>;
