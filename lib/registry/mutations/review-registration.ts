import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import type { TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RegistrationStatus } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { reviewerParkId } from "../queries/list-pending-registrations";
import { fieldErrorsOf, ZApproveRegistrationInput, ZRejectRegistrationInput, type TReviewInput } from "../schemas";

export type TReviewResult = { enterpriseId: string; status: RegistrationStatus };

/**
 * The park window approves or rejects a self-registration of its own park. Inside one
 * transaction: the actor's park is looked up from its organization, and the enterprise
 * changes only if it belongs to that park and is still PENDING (a conditional update,
 * so two windows reviewing at once cannot both win). Another park's enterprise, or an
 * id that does not exist: AppError("notFound"), nothing touched. Already reviewed:
 * AppError("alreadyReviewed"). A rejection keeps its reason in registrationNote, which
 * the owner sees on the enterprise dashboard.
 */
export async function reviewRegistration(
  db: PrismaClient,
  actor: TActor,
  input: TReviewInput,
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<TReviewResult> {
  let reason: string | null = null;
  if (input.decision === "reject") {
    const parsed = ZRejectRegistrationInput.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      if (fieldErrors.enterpriseId) throw new AppError("notFound");
      throw new AppError("invalidInput", fieldErrors);
    }
    reason = parsed.data.reason;
  } else if (input.decision !== "approve" || !ZApproveRegistrationInput.safeParse(input).success) {
    throw new AppError("notFound");
  }
  if (!isUuid(input.enterpriseId)) throw new AppError("notFound");
  const approve = input.decision === "approve";
  const status = approve ? RegistrationStatus.APPROVED : RegistrationStatus.REJECTED;

  return db.$transaction(async (tx) => {
    const parkId = await reviewerParkId(tx, actor);
    if (!parkId) throw new AppError("notFound");
    const scoped = { id: input.enterpriseId, parkId };
    const updated = await tx.enterprise.updateMany({
      where: { ...scoped, registrationStatus: RegistrationStatus.PENDING },
      data: { registrationStatus: status, registrationNote: reason, reviewedAt: now },
    });
    if (updated.count === 0) {
      const exists = await tx.enterprise.findFirst({ where: scoped, select: { id: true } });
      throw new AppError(exists ? "alreadyReviewed" : "notFound");
    }
    await writeAudit(tx, {
      action: approve ? "registration.approved" : "registration.rejected",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Enterprise",
      targetId: input.enterpriseId,
      ...meta,
      details: approve ? { parkId } : { parkId, reason },
    });
    return { enterpriseId: input.enterpriseId, status };
  });
}
