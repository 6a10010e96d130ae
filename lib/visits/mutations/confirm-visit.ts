/**
 * The other side confirms a recorded visit: the bank when the park window recorded it, the
 * park window when the bank did. The record cannot be confirmed by the side that wrote it.
 *
 * Refusals (AppError): forbidden (no permission; the recording side; the finance office)
 * · notFound (another park's or bank's visit, or none) · conflict (changed since the page
 * was loaded) · invalidState (already confirmed).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ParkVisitStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { areaOfRole } from "@/lib/auth/areas";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing } from "@/lib/auth/scopes";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import { confirmingSide, visitScope } from "@/lib/visits/rules";
import type { TConfirmVisitInput } from "@/lib/visits/schemas";

export async function confirmVisit(
  db: PrismaClient,
  actor: TActorSource,
  input: TConfirmVisitInput,
  opts: { now?: Date } = {},
): Promise<{ visitId: string; version: number }> {
  if (!canActor(actorOf(actor), "visits.confirm")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  const scope = visitScope(actorOf(actor), await loadScopeContext(db, actor));
  if (isNothing(scope)) throw new AppError("notFound");
  return db.$transaction(async (tx) => {
    const visible = await tx.parkVisit.findFirst({ where: { AND: [{ id: input.visitId }, scope] }, select: { id: true } });
    if (!visible) throw new AppError("notFound");
    // The row lock orders two confirmations of the same visit.
    const [row] = await tx.$queryRaw<{ status: ParkVisitStatus; version: number; recordedByKind: string | null }[]>`
      SELECT v.status, v.version, o.kind::text AS "recordedByKind"
        FROM "ParkVisit" v LEFT JOIN "Organization" o ON o.id = v."recordedByOrgId"
       WHERE v.id = ${visible.id}::uuid FOR UPDATE OF v`;
    if (!row) throw new AppError("notFound");
    const side = confirmingSide(row.recordedByKind as never);
    if (side === null || side !== areaOfRole(actor.role)) throw new AppError("forbidden");
    if (row.version !== input.version) throw new AppError("conflict");
    if (row.status !== ParkVisitStatus.RECORDED) throw new AppError("invalidState");
    await tx.parkVisit.update({
      where: { id: visible.id },
      data: {
        status: ParkVisitStatus.CONFIRMED,
        confirmedByOrgId: actor.orgId,
        confirmedById: actor.userId,
        confirmedAt: now,
        version: { increment: 1 },
      },
    });
    await writeAudit(tx, {
      action: "visits.confirm",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "ParkVisit",
      targetId: visible.id,
    });
    return { visitId: visible.id, version: row.version + 1 };
  });
}
