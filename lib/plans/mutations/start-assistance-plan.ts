/**
 * The park's main bank (主联系银行 of the year's pairing, not ended) starts the year's
 * assistance plan: the plan and its version 1, a draft, with the "save" step in the
 * history and the audit entry, in one transaction. A park has one plan a program year: a
 * second start is "conflict" (the unique index decides when two start at once).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { AssistancePlanStatus, PairingRole } from "@/lib/generated/prisma/enums";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import type { TStartPlanInput } from "../schemas";
import { planProducts } from "./plan-products";

export type TPlanWritten = { id: string; version: number; status: AssistancePlanStatus; number: number };

export async function startAssistancePlan(
  db: PrismaClient,
  user: TActorSource,
  input: TStartPlanInput,
  opts: { now?: Date; meta?: TRequestMeta } = {},
): Promise<TPlanWritten> {
  const actor = actorOf(user);
  if (!canActor(actor, "plans.draft") || areaOfRole(actor.role) !== "bank") throw new AppError("forbidden");
  if (!isUuid(input.parkId)) throw new AppError("notFound");
  const now = opts.now ?? new Date();
  const program = await getCurrentProgram(db, undefined, now);
  if (!program) throw new AppError("noProgram");
  try {
    return await db.$transaction(async (tx) => {
      const pairing = await tx.parkBankPairing.findFirst({
        where: {
          programId: program.id,
          year: program.year,
          parkId: input.parkId,
          bankOrgId: actor.orgId,
          role: PairingRole.MAIN,
          endedAt: null,
        },
        select: { id: true },
      });
      if (!pairing) throw new AppError("notPaired");
      const products = await planProducts(tx, actor.orgId, input.content.productIds);
      const c = input.content;
      const plan = await tx.assistancePlan.create({
        data: {
          programId: program.id,
          year: program.year,
          parkId: input.parkId,
          bankOrgId: actor.orgId,
          createdAt: now,
          versions: {
            create: {
              number: 1,
              objectives: c.objectives,
              amountFen: c.amountFen,
              borrowers: c.borrowers,
              firstLoans: c.firstLoans,
              creditLoans: c.creditLoans,
              products: products as unknown as Prisma.InputJsonValue,
              greenChannel: c.greenChannel,
              team: c.team as unknown as Prisma.InputJsonValue,
              createdById: actor.userId,
              createdAt: now,
            },
          },
          steps: {
            create: {
              number: 1,
              step: "save",
              fromStatus: null,
              toStatus: AssistancePlanStatus.DRAFT,
              actorUserId: actor.userId,
              actorOrgId: actor.orgId,
              at: now,
            },
          },
        },
        select: { id: true, version: true, status: true, latestNumber: true },
      });
      await writeAudit(tx, {
        action: "plans.start",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "AssistancePlan",
        targetId: plan.id,
        ip: opts.meta?.ip ?? null,
        userAgent: opts.meta?.userAgent ?? null,
        details: {
          parkId: input.parkId,
          year: program.year,
          amountFen: c.amountFen.toString(),
          products: products.length,
          team: c.team.length,
        },
      });
      return { id: plan.id, version: plan.version, status: plan.status, number: plan.latestNumber };
    });
  } catch (e) {
    if (typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002") throw new AppError("conflict");
    throw e;
  }
}
