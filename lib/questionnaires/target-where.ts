/**
 * Which enterprises a questionnaire is for, as a where clause on Enterprise: approved,
 * active, and in the target (every one, one park's, those carrying a tag, or the members of
 * a key-enterprise list). Kept as data (kind + park, tag or list).
 * A list's members are read by KeyListMember(listId, …).
 * Index: Enterprise(parkId, registrationStatus) for a park; a tag or "all" reads the
 * registry once, when the questionnaire is opened (its targeted count is stored then).
 */
import type { Prisma } from "@/lib/generated/prisma/client";

export type TQuestionnaireTargetRef = {
  target: "ALL" | "PARK" | "TAG" | "KEY_LIST";
  targetParkId: string | null;
  targetTag: string | null;
  targetListId: string | null;
};

export function targetWhere(q: TQuestionnaireTargetRef): Prisma.EnterpriseWhereInput {
  const base: Prisma.EnterpriseWhereInput = { registrationStatus: "APPROVED", org: { active: true } };
  if (q.target === "PARK") return { ...base, parkId: q.targetParkId ?? "00000000-0000-0000-0000-000000000000" };
  if (q.target === "TAG") return { ...base, tags: { has: q.targetTag ?? "" } };
  if (q.target === "KEY_LIST")
    return { ...base, keyListMembers: { some: { listId: q.targetListId ?? "00000000-0000-0000-0000-000000000000" } } };
  return base;
}
