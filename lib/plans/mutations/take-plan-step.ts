/**
 * Every step on an existing assistance plan, through runLockedStep (lock the plan, re-read
 * it through the actor's scope: another park's or bank's plan is "notFound"; then
 * "forbidden", "conflict" for a stale version, "invalidState"), then the step's writes,
 * the history row and the audit entry in one transaction. Which step may start from which
 * status, and who takes it: rules.ts (PLAN_STEPS), the table the plan page's buttons read.
 *
 * - save / submit: the newest version's content is replaced (it is a draft or returned);
 * - the reviews move the newest version's status (a return keeps its reason on it);
 *   the finance office's approval puts the version in force (approvedNumber);
 * - revise: a new version, a draft copied from the approved one, which stays in force.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { AssistancePlanStatus } from "@/lib/generated/prisma/enums";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { AppError } from "@/lib/errors";
import { runLockedStep } from "@/lib/locking/mutations/run-locked-step";
import { canPlanStep, mayTakePlanStep, PLAN_STEPS, type TPlanStep } from "../rules";
import type { TPlanContent } from "../schemas";
import { planScope, planViewer } from "../scopes";
import { planProducts } from "./plan-products";
import type { TPlanWritten } from "./start-assistance-plan";

export type TPlanStepRequest = { planId: string; version: number; step: TPlanStep; reason?: string | null; content?: TPlanContent };

const ROW = { id: true, bankOrgId: true, parkId: true, status: true, version: true, latestNumber: true, approvedNumber: true } as const;

function contentData(c: TPlanContent, products: unknown) {
  return {
    objectives: c.objectives,
    amountFen: c.amountFen,
    borrowers: c.borrowers,
    firstLoans: c.firstLoans,
    creditLoans: c.creditLoans,
    products: products as Prisma.InputJsonValue,
    greenChannel: c.greenChannel,
    team: c.team as unknown as Prisma.InputJsonValue,
  };
}

export async function takePlanStep(
  db: PrismaClient,
  user: TActorSource,
  input: TPlanStepRequest,
  opts: { now?: Date; meta?: TRequestMeta } = {},
): Promise<TPlanWritten> {
  const actor = actorOf(user);
  const now = opts.now ?? new Date();
  const ctx = await loadScopeContext(db, user);
  const where = planScope(actor, ctx);
  const step = input.step;
  const rule = PLAN_STEPS[step];
  if ((step === "save" || step === "submit") && !input.content) throw new AppError("invalidInput");
  return runLockedStep(
    db,
    {
      table: "AssistancePlan",
      id: input.planId,
      read: (tx, id) => tx.assistancePlan.findFirst({ where: { AND: [{ id }, where] }, select: ROW }),
      may: (row) => mayTakePlanStep(planViewer(actor, ctx, row), step),
      sameVersion: (row) => row.version === input.version,
      canStart: (row) => canPlanStep(step, row.status),
      tx: { maxWait: 10_000, timeout: 30_000 },
    },
    async (tx, row) => {
      const to: AssistancePlanStatus = rule.to ?? row.status;
      let number = row.latestNumber;
      if (step === "revise") {
        number = row.latestNumber + 1;
        const base = await tx.assistancePlanVersion.findUniqueOrThrow({
          where: { planId_number: { planId: row.id, number: row.latestNumber } },
        });
        await tx.assistancePlanVersion.create({
          data: {
            planId: row.id,
            number,
            status: to,
            objectives: base.objectives,
            amountFen: base.amountFen,
            borrowers: base.borrowers,
            firstLoans: base.firstLoans,
            creditLoans: base.creditLoans,
            products: base.products as Prisma.InputJsonValue,
            greenChannel: base.greenChannel,
            team: base.team as Prisma.InputJsonValue,
            createdById: actor.userId,
            createdAt: now,
          },
        });
      } else {
        const content = input.content ? contentData(input.content, await planProducts(tx, row.bankOrgId, input.content.productIds)) : {};
        const returnReason = PLAN_STEPS[step].to === "RETURNED" ? (input.reason ?? null) : step === "submit" ? null : undefined;
        await tx.assistancePlanVersion.update({
          where: { planId_number: { planId: row.id, number } },
          data: { ...content, status: to, ...(returnReason !== undefined ? { returnReason } : {}) },
        });
      }
      const { count } = await tx.assistancePlan.updateMany({
        where: { id: row.id, version: row.version },
        data: {
          status: to,
          latestNumber: number,
          version: row.version + 1,
          updatedAt: now,
          ...(step === "financeApprove" ? { approvedNumber: number } : {}),
        },
      });
      if (count !== 1) throw new AppError("conflict");
      await tx.assistancePlanStep.create({
        data: {
          planId: row.id,
          number,
          step,
          fromStatus: row.status,
          toStatus: to,
          reason: input.reason ?? null,
          actorUserId: actor.userId,
          actorOrgId: actor.orgId,
          at: now,
        },
      });
      await writeAudit(tx, {
        action: `plans.${step}`,
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "AssistancePlan",
        targetId: row.id,
        ip: opts.meta?.ip ?? null,
        userAgent: opts.meta?.userAgent ?? null,
        details: {
          from: row.status,
          to,
          number,
          ...(input.reason ? { reason: input.reason } : {}),
          ...(input.content ? { amountFen: input.content.amountFen.toString() } : {}),
        },
      });
      return { id: row.id, version: row.version + 1, status: to, number };
    },
  );
}
