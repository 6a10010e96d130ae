/**
 * One summons as the actor may see it (summonsScope), or null ("not found"): the record,
 * its measures, the frozen pre-fill, what the bank filed and the reviews, and which steps
 * the actor may take now (rules.ts + scopes.ts: the same answer the server gives).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SummonsSource, SummonsStatus } from "@/lib/generated/prisma/enums";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { isUuid } from "@/lib/ids";
import { canSummonsStep, isSummonsOverdue, SUMMONS_STEP_NAMES, type TSummonsStep } from "../rules";
import { mayTakeSummonsStep, summonsScope } from "../scopes";
import type { TStoredPrefill } from "./get-summons-prefill";

type TPerson = { at: Date; name: string } | null;

export type TSummonsDetail = {
  id: string;
  version: number;
  bankOrgId: string;
  bankName: string;
  programName: string;
  source: SummonsSource;
  rankingId: string | null;
  year: number;
  quarter: number | null;
  status: SummonsStatus;
  heldOn: Date;
  dueOn: Date;
  attendees: string;
  issues: string;
  prefill: TStoredPrefill;
  measures: Array<{ position: number; text: string; deadline: Date }>;
  opened: TPerson;
  cosigned: TPerson;
  plan: { text: string | null; filedAt: Date | null; reviewedAt: Date | null; returnReason: string | null };
  completion: { text: string | null; filedAt: Date | null; reviewedAt: Date | null; returnReason: string | null };
  completedAt: Date | null;
  overdue: boolean;
  steps: TSummonsStep[];
};

export async function getSummons(db: PrismaClient, user: TActorSource, id: string, now = new Date()): Promise<TSummonsDetail | null> {
  if (!isUuid(id)) return null;
  const actor = actorOf(user);
  const s = await db.summons.findFirst({
    where: { AND: [{ id }, summonsScope(actor)] },
    select: {
      id: true,
      version: true,
      bankOrgId: true,
      bank: { select: { name: true } },
      program: { select: { name: true } },
      source: true,
      rankingId: true,
      year: true,
      quarter: true,
      status: true,
      heldOn: true,
      dueOn: true,
      attendees: true,
      issues: true,
      prefill: true,
      openedById: true,
      openedAt: true,
      pbcCosignedById: true,
      pbcCosignedAt: true,
      planText: true,
      planFiledAt: true,
      planReviewedAt: true,
      planReturnReason: true,
      completionText: true,
      completionFiledAt: true,
      completionReviewedAt: true,
      completionReturnReason: true,
      completedAt: true,
      measures: { select: { position: true, text: true, deadline: true }, orderBy: { position: "asc" } },
    },
  });
  if (!s) return null;
  const people = await db.user.findMany({
    where: { id: { in: [s.openedById, s.pbcCosignedById].filter((x): x is string => Boolean(x)) } },
    select: { id: true, name: true, org: { select: { name: true } } },
  });
  const nameOf = (uid: string | null) => {
    const u = people.find((p) => p.id === uid);
    return u ? `${u.name}（${u.org.name}）` : "";
  };
  const facts = { status: s.status, cosigned: s.pbcCosignedAt !== null };
  const raw = (s.prefill ?? {}) as Partial<TStoredPrefill>;
  return {
    id: s.id,
    version: s.version,
    bankOrgId: s.bankOrgId,
    bankName: s.bank.name,
    programName: s.program.name,
    source: s.source,
    rankingId: s.rankingId,
    year: s.year,
    quarter: s.quarter,
    status: s.status,
    heldOn: s.heldOn,
    dueOn: s.dueOn,
    attendees: s.attendees,
    issues: s.issues,
    prefill: {
      rankingId: raw.rankingId ?? s.rankingId,
      year: raw.year ?? s.year,
      quarter: raw.quarter ?? s.quarter,
      bottomList: raw.bottomList ?? [],
      items: raw.items ?? [],
      itemTotals: raw.itemTotals ?? { overdue: 0, escalated: 0 },
    },
    measures: s.measures,
    opened: { at: s.openedAt, name: nameOf(s.openedById) },
    cosigned: s.pbcCosignedAt ? { at: s.pbcCosignedAt, name: nameOf(s.pbcCosignedById) } : null,
    plan: { text: s.planText, filedAt: s.planFiledAt, reviewedAt: s.planReviewedAt, returnReason: s.planReturnReason },
    completion: {
      text: s.completionText,
      filedAt: s.completionFiledAt,
      reviewedAt: s.completionReviewedAt,
      returnReason: s.completionReturnReason,
    },
    completedAt: s.completedAt,
    overdue: isSummonsOverdue(s, shanghaiDateString(now)),
    steps: SUMMONS_STEP_NAMES.filter((step) => mayTakeSummonsStep(actor, step, s.bankOrgId) && canSummonsStep(step, facts)),
  };
}
