/**
 * Which enterprises a questionnaire is for, as a where clause on Enterprise: approved,
 * active, and in the target (every one, one park's, or those carrying a tag). Kept as data
 * (kind + park or tag) so other kinds of target can be added beside these.
 * Index: Enterprise(parkId, registrationStatus) for a park; a tag or "all" reads the
 * registry once, when the questionnaire is opened (its targeted count is stored then).
 */
import type { Prisma } from "@/lib/generated/prisma/client";

export type TQuestionnaireTargetRef = { target: "ALL" | "PARK" | "TAG"; targetParkId: string | null; targetTag: string | null };

export function targetWhere(q: TQuestionnaireTargetRef): Prisma.EnterpriseWhereInput {
  const base: Prisma.EnterpriseWhereInput = { registrationStatus: "APPROVED", org: { active: true } };
  if (q.target === "PARK") return { ...base, parkId: q.targetParkId ?? "00000000-0000-0000-0000-000000000000" };
  if (q.target === "TAG") return { ...base, tags: { has: q.targetTag ?? "" } };
  return base;
}
