/**
 * One assistance plan as its page shows it, through planScope (another park's or bank's
 * plan is null, i.e. "not found"): every version (newest first; the approved ones are
 * read-only history), the step history with who took each step, and the steps the viewer
 * may take now (planStepsFor: the same table the server checks).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AssistancePlanStatus } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isUuid } from "@/lib/ids";
import { planStepsFor, type TPlanProduct, type TPlanStep, type TPlanTeamMember } from "../rules";
import { planScope, planViewer } from "../scopes";

export type TPlanVersionView = {
  number: number;
  status: AssistancePlanStatus;
  objectives: string;
  amountFen: string;
  borrowers: number;
  firstLoans: number;
  creditLoans: number;
  products: TPlanProduct[];
  greenChannel: string;
  team: TPlanTeamMember[];
  returnReason: string | null;
  updatedAt: Date;
};

export type TPlanStepView = {
  number: number;
  step: string;
  fromStatus: AssistancePlanStatus | null;
  toStatus: AssistancePlanStatus;
  reason: string | null;
  actorName: string;
  orgName: string;
  at: Date;
};

export type TPlanView = {
  id: string;
  year: number;
  parkId: string;
  parkName: string;
  bankOrgId: string;
  bankName: string;
  status: AssistancePlanStatus;
  version: number;
  latestNumber: number;
  approvedNumber: number | null;
  versions: TPlanVersionView[];
  history: TPlanStepView[];
  steps: TPlanStep[];
};

export async function getAssistancePlan(db: PrismaClient, user: TActorSource, planId: string): Promise<TPlanView | null> {
  if (!isUuid(planId)) return null;
  const actor = actorOf(user);
  const ctx = await loadScopeContext(db, user);
  const plan = await db.assistancePlan.findFirst({
    where: { AND: [{ id: planId }, planScope(actor, ctx)] },
    select: {
      id: true,
      year: true,
      parkId: true,
      bankOrgId: true,
      status: true,
      version: true,
      latestNumber: true,
      approvedNumber: true,
      park: { select: { org: { select: { name: true } } } },
      bank: { select: { name: true } },
      versions: { orderBy: { number: "desc" } },
      steps: { orderBy: { seq: "asc" } },
    },
  });
  if (!plan) return null;
  const userIds = [...new Set(plan.steps.map((s) => s.actorUserId))];
  const people = await db.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, org: { select: { name: true } } },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    id: plan.id,
    year: plan.year,
    parkId: plan.parkId,
    parkName: plan.park.org.name,
    bankOrgId: plan.bankOrgId,
    bankName: plan.bank.name,
    status: plan.status,
    version: plan.version,
    latestNumber: plan.latestNumber,
    approvedNumber: plan.approvedNumber,
    versions: plan.versions.map((v) => ({
      number: v.number,
      status: v.status,
      objectives: v.objectives,
      amountFen: v.amountFen.toString(),
      borrowers: v.borrowers,
      firstLoans: v.firstLoans,
      creditLoans: v.creditLoans,
      products: (v.products ?? []) as TPlanProduct[],
      greenChannel: v.greenChannel,
      team: (v.team ?? []) as TPlanTeamMember[],
      returnReason: v.returnReason,
      updatedAt: v.updatedAt,
    })),
    history: plan.steps.map((s) => ({
      number: s.number,
      step: s.step,
      fromStatus: s.fromStatus,
      toStatus: s.toStatus,
      reason: s.reason,
      actorName: byId.get(s.actorUserId)?.name ?? "—",
      orgName: byId.get(s.actorUserId)?.org.name ?? "—",
      at: s.at,
    })),
    steps: planStepsFor(planViewer(actor, ctx, plan), plan.status),
  };
}
