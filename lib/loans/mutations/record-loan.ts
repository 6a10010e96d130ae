/**
 * A bank records a loan it made outside a request (贷款登记): for any enterprise whose
 * registration the park approved (a bank lends city-wide; the registry is open to it),
 * in the name of the recording user's own bank — never another's, never a branch's. The
 * row is the same LoanOutcome a granted request writes (requestId null), so renewal
 * reminders, the enterprise's page and the quarterly return's pre-fill count it alike.
 * A class-B enterprise moves to A, the loan as its reason (as for a granted request).
 *
 * Refusals (AppError): forbidden (no permission, not a bank user) · invalidInput with
 * fieldErrors: enterpriseId "enterpriseNotFound", disbursedOn "future".
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { dateColumn, normalizeRate } from "@/lib/requests/answer-record";
import { promoteOnCredit } from "@/lib/support/mutations/promote-on-credit";
import { defaultMaturity } from "@/lib/loans/maturity";
import type { TRecordLoanInput } from "@/lib/loans/schemas";

export async function recordLoan(
  db: PrismaClient,
  actor: TActorSource,
  input: TRecordLoanInput,
  opts: { now?: Date } = {},
): Promise<{ loanId: string; maturesOn: string }> {
  if (!canActor(actorOf(actor), "loans.record") || actor.orgKind !== OrgKind.BANK) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  if (input.disbursedOn > shanghaiDateString(now)) throw new AppError("invalidInput", { disbursedOn: "future" });
  const maturesOn = input.maturesOn ?? defaultMaturity(input.disbursedOn, input.termMonths);

  return db.$transaction(async (tx) => {
    const enterprise = await tx.enterprise.findFirst({
      where: { id: input.enterpriseId, registrationStatus: RegistrationStatus.APPROVED },
      select: { id: true, name: true },
    });
    if (!enterprise) throw new AppError("invalidInput", { enterpriseId: "enterpriseNotFound" });
    const loan = await tx.loanOutcome.create({
      data: {
        requestId: null,
        bankOrgId: actor.orgId,
        enterpriseId: enterprise.id,
        amountFen: BigInt(input.amountFen!),
        annualRate: normalizeRate(input.annualRate),
        termMonths: input.termMonths,
        product: input.product,
        guarantee: input.guarantee,
        isFirstLoan: input.isFirstLoan,
        isCreditLoan: input.secured === "credit",
        grantedOn: dateColumn(input.disbursedOn),
        disbursedOn: dateColumn(input.disbursedOn),
        maturesOn: dateColumn(maturesOn),
        recordedById: actor.userId,
        createdAt: now,
      },
      select: { id: true, amountFen: true },
    });
    await promoteOnCredit(tx, enterprise.id, { kind: "loan", loanId: loan.id, fen: loan.amountFen }, actor, now);
    await writeAudit(tx, {
      action: "loans.record",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "LoanOutcome",
      targetId: loan.id,
      details: {
        enterpriseId: enterprise.id,
        amountFen: input.amountFen,
        annualRate: normalizeRate(input.annualRate),
        termMonths: input.termMonths,
        disbursedOn: input.disbursedOn,
        maturesOn,
        credit: input.secured === "credit",
        firstLoan: input.isFirstLoan,
      },
    });
    return { loanId: loan.id, maturesOn };
  });
}
