/**
 * The bank's loan register for its Excel export: the same scope, filters and order as the
 * page, up to LOAN_EXPORT_CAP rows (a branch records a few thousand loans a year).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankLoansWhere, LOAN_ROW_SELECT, loanRow, type TLoanRow } from "@/lib/loans/queries/list-bank-loans";
import type { TLoanListFilter } from "@/lib/loans/schemas";

export const LOAN_EXPORT_CAP = 20_000;

export async function readBankLoansExport(
  db: PrismaClient,
  actor: TActorSource,
  filter: TLoanListFilter,
): Promise<{ rows: TLoanRow[]; capped: boolean }> {
  const where = await bankLoansWhere(db, actor, filter);
  if (!where) return { rows: [], capped: false };
  const rows = await db.loanOutcome.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LOAN_EXPORT_CAP + 1,
    select: LOAN_ROW_SELECT,
  });
  return { rows: rows.slice(0, LOAN_EXPORT_CAP).map(loanRow), capped: rows.length > LOAN_EXPORT_CAP };
}
