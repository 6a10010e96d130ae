/**
 * A visit's finding becomes a problem-list item (问题清单条目) of one of the enterprises
 * visited: the park window raises it, and it starts exactly as an enterprise's own item
 * (insertRequest: submitted to the window's review queue, its review clock, the SUBMIT
 * ledger entry), with the visit as its source. From there the normal workflow takes over:
 * the window forwards it to a bank (forwardRequest) like any other item.
 *
 * Refusals (AppError): forbidden (not a park window) · notFound (another park's finding,
 * or none) · invalidState (the visit is not confirmed yet, or the finding already has an
 * item) · invalidInput {enterpriseId: "notVisited"} (an enterprise the visit did not
 * include) · notApproved · noProgram.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, ParkVisitStatus, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import { insertRequest } from "@/lib/requests/mutations/save-request";
import { STEP_TX } from "@/lib/requests/mutations/run-step";
import type { TRaiseFindingItemInput } from "@/lib/visits/schemas";

export async function raiseFindingItem(
  db: PrismaClient,
  actor: TActorSource,
  input: TRaiseFindingItemInput,
  opts: { now?: Date } = {},
): Promise<{ requestId: string; serial: string }> {
  if (!canActor(actorOf(actor), "visits.raiseItem") || actor.orgKind !== OrgKind.PARK) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  const { parkId } = await loadScopeContext(db, actor);
  if (!parkId) throw new AppError("notFound");
  return db.$transaction(async (tx) => {
    const found = await tx.parkVisitFinding.findFirst({ where: { id: input.findingId, visit: { parkId } }, select: { id: true } });
    if (!found) throw new AppError("notFound");
    // Locked so two clicks raise one item.
    const [finding] = await tx.$queryRaw<{ visitId: string; requestId: string | null; text: string }[]>`
      SELECT "visitId"::text AS "visitId", "requestId"::text AS "requestId", text FROM "ParkVisitFinding" WHERE id = ${found.id}::uuid FOR UPDATE`;
    if (!finding || finding.requestId !== null) throw new AppError("invalidState");
    const visit = await tx.parkVisit.findUniqueOrThrow({ where: { id: finding.visitId }, select: { status: true, enterpriseIds: true } });
    if (visit.status !== ParkVisitStatus.CONFIRMED) throw new AppError("invalidState");
    if (!visit.enterpriseIds.includes(input.enterpriseId)) throw new AppError("invalidInput", { enterpriseId: "notVisited" });
    const enterprise = await tx.enterprise.findFirst({
      where: { id: input.enterpriseId, parkId },
      select: { id: true, parkId: true, registrationStatus: true },
    });
    if (!enterprise) throw new AppError("invalidInput", { enterpriseId: "notVisited" });
    if (enterprise.registrationStatus !== RegistrationStatus.APPROVED) throw new AppError("notApproved");
    const created = await insertRequest(
      tx,
      actor,
      enterprise,
      {
        type: input.type,
        title: input.title,
        description: input.description,
        amountFen: null,
        purpose: null,
        termMonths: null,
        collateral: null,
        neededBy: null,
        preferredProducts: [],
        submit: true,
      },
      now,
      { sourceVisitId: finding.visitId },
    );
    await tx.parkVisitFinding.update({ where: { id: found.id }, data: { enterpriseId: enterprise.id, requestId: created.id } });
    await writeAudit(tx, {
      action: "visits.raiseItem",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "ParkVisit",
      targetId: finding.visitId,
      details: { findingId: found.id, requestId: created.id, serial: created.serial },
    });
    return { requestId: created.id, serial: created.serial };
  }, STEP_TX);
}
