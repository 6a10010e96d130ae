import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor, type TActor } from "@/lib/auth/permissions";
import type { TScopeContext } from "@/lib/auth/scopes";
import { AppError } from "@/lib/errors";
import type { TSaveSupportFileInput } from "@/lib/support/schemas";
import { supportPairingScope } from "@/lib/support/scopes";

/**
 * The bank keeps the pairing's support file (帮扶档案): profile, coaching plan, targets.
 * Created on the first save (version 1), then edited in place when the form's version is
 * still the file's ("conflict" otherwise: the update is conditional on it). The audit
 * entry keeps the values before and after.
 */
export async function saveSupportFile(
  db: PrismaClient,
  actor: TActor,
  ctx: TScopeContext,
  input: TSaveSupportFileInput,
  meta: TRequestMeta,
): Promise<{ fileId: string; version: number }> {
  if (!canActor(actor, "pairings.reportProgress") || areaOfRole(actor.role) !== "bank") throw new AppError("forbidden");
  const values = {
    profile: input.profile,
    coachingPlan: input.coachingPlan,
    creditLineTargetFen: input.creditLineTargetFen === null ? null : BigInt(input.creditLineTargetFen),
    otherTargets: input.otherTargets,
  };
  const shown = (v: { profile: string; coachingPlan: string; creditLineTargetFen: bigint | null; otherTargets: string | null }) => ({
    ...v,
    creditLineTargetFen: v.creditLineTargetFen?.toString() ?? null,
  });
  try {
    return await db.$transaction(async (tx) => {
      const pairing = await tx.enterpriseBankPairing.findFirst({
        where: { AND: [{ id: input.pairingId, endedAt: null }, supportPairingScope(actor, ctx)] },
        select: {
          id: true,
          supportFile: {
            select: { id: true, version: true, profile: true, coachingPlan: true, creditLineTargetFen: true, otherTargets: true },
          },
        },
      });
      if (!pairing) throw new AppError("notFound");
      const before = pairing.supportFile;
      if ((before?.version ?? 0) !== input.version) throw new AppError("conflict");
      let saved: { id: string; version: number };
      if (!before) {
        saved = await tx.supportFile.create({
          data: { pairingId: pairing.id, ...values, updatedById: actor.userId },
          select: { id: true, version: true },
        });
      } else {
        const updated = await tx.supportFile.updateMany({
          where: { id: before.id, version: before.version },
          data: { ...values, version: before.version + 1, updatedById: actor.userId },
        });
        if (updated.count === 0) throw new AppError("conflict");
        saved = { id: before.id, version: before.version + 1 };
      }
      const old = before && {
        profile: before.profile,
        coachingPlan: before.coachingPlan,
        creditLineTargetFen: before.creditLineTargetFen,
        otherTargets: before.otherTargets,
      };
      await writeAudit(tx, {
        action: "support.fileSaved",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "SupportFile",
        targetId: saved.id,
        ...meta,
        details: {
          pairingId: pairing.id,
          version: saved.version,
          before: old ? shown(old) : null,
          after: shown(values),
        },
      });
      return { fileId: saved.id, version: saved.version };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict");
    throw error;
  }
}
