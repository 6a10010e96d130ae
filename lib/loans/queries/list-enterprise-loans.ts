/**
 * An enterprise's own loans for its page, newest disbursement first: from every bank,
 * granted on a request or recorded outside one, cancelled ones left out (a cancellation
 * corrects a record made by mistake). At most ENTERPRISE_LOANS_SHOWN. Index:
 * LoanOutcome(enterpriseId).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";

export const ENTERPRISE_LOANS_SHOWN = 20;

export type TEnterpriseLoan = {
  id: string;
  bankName: string;
  product: string;
  amountFen: bigint;
  annualRate: string;
  termMonths: number;
  isCreditLoan: boolean;
  disbursedOn: Date | null;
  maturesOn: Date | null;
  requestId: string | null;
};

export async function listEnterpriseLoans(db: PrismaClient, actor: TActorSource): Promise<TEnterpriseLoan[]> {
  if (!canActor(actorOf(actor), "loans.read")) return [];
  const { enterpriseId } = await loadScopeContext(db, actor);
  if (!enterpriseId) return [];
  const rows = await db.loanOutcome.findMany({
    where: { enterpriseId, cancellation: null },
    orderBy: [{ disbursedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
    take: ENTERPRISE_LOANS_SHOWN,
    select: {
      id: true,
      product: true,
      amountFen: true,
      annualRate: true,
      termMonths: true,
      isCreditLoan: true,
      disbursedOn: true,
      maturesOn: true,
      requestId: true,
      bank: { select: { name: true, shortName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    bankName: r.bank.shortName ?? r.bank.name,
    product: r.product,
    amountFen: r.amountFen,
    annualRate: r.annualRate.toFixed(4),
    termMonths: r.termMonths,
    isCreditLoan: r.isCreditLoan,
    disbursedOn: r.disbursedOn,
    maturesOn: r.maturesOn,
    requestId: r.requestId,
  }));
}
