/**
 * The bank's loan register (贷款登记), newest record first, a keyset page at a time: the
 * loans of the user's bank and of its branches, granted requests' and those recorded
 * outside a request alike, cancelled ones included (shown struck through). Filters: one
 * enterprise, a maturity window. Index: LoanOutcome(bankOrgId, createdAt, id).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage } from "@/lib/auth/scopes";
import { emptyKeysetPage, newestFirst, readFilteredPage } from "@/lib/pagination/keyset";
import type { TFilteredRead, TKeysetPage, TPageCursor } from "@/lib/pagination/keyset";
import type { TLoanListFilter } from "@/lib/loans/schemas";

export const LOAN_PAGE_SIZE = 25;

export type TLoanRow = {
  id: string;
  createdAt: Date;
  bankOrgId: string;
  bankName: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  amountFen: bigint;
  annualRate: string;
  termMonths: number;
  product: string;
  guarantee: string | null;
  isCreditLoan: boolean;
  isFirstLoan: boolean;
  disbursedOn: Date | null;
  maturesOn: Date | null;
  requestId: string | null;
  requestSerial: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
};

export const LOAN_ROW_SELECT = {
  id: true,
  createdAt: true,
  bankOrgId: true,
  enterpriseId: true,
  amountFen: true,
  annualRate: true,
  termMonths: true,
  product: true,
  guarantee: true,
  isCreditLoan: true,
  isFirstLoan: true,
  disbursedOn: true,
  maturesOn: true,
  requestId: true,
  bank: { select: { name: true } },
  enterprise: { select: { name: true, uscc: true } },
  request: { select: { serial: true } },
  cancellation: { select: { cancelledAt: true, reason: true } },
} as const satisfies Prisma.LoanOutcomeSelect;

export function loanRow(r: Prisma.LoanOutcomeGetPayload<{ select: typeof LOAN_ROW_SELECT }>): TLoanRow {
  return {
    id: r.id,
    createdAt: r.createdAt,
    bankOrgId: r.bankOrgId,
    bankName: r.bank.name,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterprise.name,
    uscc: r.enterprise.uscc,
    amountFen: r.amountFen,
    annualRate: r.annualRate.toFixed(4),
    termMonths: r.termMonths,
    product: r.product,
    guarantee: r.guarantee,
    isCreditLoan: r.isCreditLoan,
    isFirstLoan: r.isFirstLoan,
    disbursedOn: r.disbursedOn,
    maturesOn: r.maturesOn,
    requestId: r.requestId,
    requestSerial: r.request?.serial ?? null,
    cancelledAt: r.cancellation?.cancelledAt ?? null,
    cancelReason: r.cancellation?.reason ?? null,
  };
}

/** The where of the bank's register with its filters; null when the actor covers no bank. */
export async function bankLoansWhere(
  db: PrismaClient,
  actor: TActorSource,
  filter: TLoanListFilter,
): Promise<Prisma.LoanOutcomeWhereInput | null> {
  const banks = bankCoverage(actorOf(actor), (await loadScopeContext(db, actor)).bankOrgIds);
  if (banks.length === 0) return null;
  const matures: Prisma.DateTimeNullableFilter = {};
  if (filter.maturesFrom) matures.gte = new Date(`${filter.maturesFrom}T00:00:00Z`);
  if (filter.maturesTo) matures.lte = new Date(`${filter.maturesTo}T00:00:00Z`);
  return {
    bankOrgId: { in: banks },
    ...(filter.enterpriseId ? { enterpriseId: filter.enterpriseId } : {}),
    ...(filter.maturesFrom || filter.maturesTo ? { maturesOn: matures } : {}),
  };
}

export async function listBankLoans(
  db: PrismaClient,
  actor: TActorSource,
  filter: TLoanListFilter,
  cursor: TPageCursor | null = null,
): Promise<TKeysetPage<TLoanRow>> {
  const scope = await bankLoansWhere(db, actor, filter);
  if (!scope) return emptyKeysetPage();
  return readFilteredPage(
    {
      ...newestFirst("createdAt"),
      where: scope,
      find: async (q: TFilteredRead<Prisma.LoanOutcomeWhereInput, Prisma.LoanOutcomeOrderByWithRelationInput>) =>
        (await db.loanOutcome.findMany({ ...q, select: LOAN_ROW_SELECT })).map(loanRow),
    },
    cursor,
    LOAN_PAGE_SIZE,
  );
}
