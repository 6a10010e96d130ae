import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { assessmentTotal, assessmentVerdict } from "@/lib/support/rules";
import type { TSaveSupportAssessmentInput } from "@/lib/support/schemas";

/**
 * The leading group office's year-end assessment of one pairing (年底现场考核): three scores,
 * their weighted total and the verdict it gives (表彰 / 通报批评 / neither). Saved again
 * while the form's version is the assessment's ("conflict" otherwise); audited with the
 * scores before and after.
 */
export async function saveSupportAssessment(
  db: PrismaClient,
  actor: TActor,
  input: TSaveSupportAssessmentInput,
  meta: TRequestMeta,
): Promise<{ assessmentId: string; version: number; totalScore: number; verdict: string }> {
  if (!canActor(actor, "support.assess")) throw new AppError("forbidden");
  const scores = { coachingScore: input.coachingScore, creditScore: input.creditScore, reportingScore: input.reportingScore };
  const totalScore = assessmentTotal(scores);
  const verdict = assessmentVerdict(totalScore);
  try {
    return await db.$transaction(async (tx) => {
      const pairing = await tx.enterpriseBankPairing.findFirst({
        where: { id: input.pairingId, endedAt: null },
        select: {
          id: true,
          year: true,
          bankOrgId: true,
          supportAssessment: { select: { id: true, version: true, totalScore: true, verdict: true } },
        },
      });
      if (!pairing) throw new AppError("notFound");
      const before = pairing.supportAssessment;
      if ((before?.version ?? 0) !== input.version) throw new AppError("conflict");
      const data = { ...scores, totalScore, verdict, comment: input.comment, assessedById: actor.userId };
      let saved: { id: string; version: number };
      if (!before) {
        saved = await tx.supportAssessment.create({
          data: { ...data, pairingId: pairing.id, year: pairing.year, bankOrgId: pairing.bankOrgId },
          select: { id: true, version: true },
        });
      } else {
        const updated = await tx.supportAssessment.updateMany({
          where: { id: before.id, version: before.version },
          data: { ...data, version: before.version + 1 },
        });
        if (updated.count === 0) throw new AppError("conflict");
        saved = { id: before.id, version: before.version + 1 };
      }
      await writeAudit(tx, {
        action: "support.assessed",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "SupportAssessment",
        targetId: saved.id,
        ...meta,
        details: { pairingId: pairing.id, year: pairing.year, ...scores, totalScore, verdict, before, comment: input.comment },
      });
      return { assessmentId: saved.id, version: saved.version, totalScore, verdict };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict");
    throw error;
  }
}
