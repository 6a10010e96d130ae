/**
 * A loan recorded outside a request by mistake is cancelled, not edited: an append-only
 * LoanCancellation entry with the reason. From then on the loan counts nowhere (renewal
 * reminders, the quarterly return's pre-fill, the enterprise's page); the list shows it
 * struck through with the reason. A wrong figure is corrected by cancelling and recording
 * the loan again.
 *
 * Only the bank that recorded it may (its own staff); another bank's loan, or a granted
 * request's (whose record is the request's ledger), is "notFound". A second cancellation
 * is "invalidState".
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import type { TCancelLoanInput } from "@/lib/loans/schemas";

export async function cancelLoan(
  db: PrismaClient,
  actor: TActorSource,
  input: TCancelLoanInput,
  opts: { now?: Date } = {},
): Promise<{ loanId: string }> {
  if (!canActor(actorOf(actor), "loans.record") || actor.orgKind !== OrgKind.BANK) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    // Row lock: two cancellations at once leave one entry and one "invalidState".
    const [loan] = await tx.$queryRaw<{ id: string; bankOrgId: string; requestId: string | null }[]>`
      SELECT id::text, "bankOrgId"::text AS "bankOrgId", "requestId"::text AS "requestId"
        FROM "LoanOutcome" WHERE id = ${input.loanId}::uuid FOR UPDATE`;
    if (!loan || loan.bankOrgId !== actor.orgId || loan.requestId !== null) throw new AppError("notFound");
    const already = await tx.loanCancellation.findUnique({ where: { loanId: loan.id }, select: { loanId: true } });
    if (already) throw new AppError("invalidState");
    await tx.loanCancellation.create({
      data: { loanId: loan.id, reason: input.reason, cancelledById: actor.userId, cancelledByOrgId: actor.orgId, cancelledAt: now },
    });
    await writeAudit(tx, {
      action: "loans.cancel",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "LoanOutcome",
      targetId: loan.id,
      details: { reason: input.reason },
    });
    return { loanId: loan.id };
  });
}
