import type { Prisma } from "@/lib/generated/prisma/client";
import { bankWithDescendants } from "@/lib/auth/queries/load-scope-context";
import type { TFigureValues } from "../figures";
import type { TQuarterKey } from "../quarter";
import { quarterDays, recordedLoanFigures } from "../recorded-loan-figures";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw" | "loanOutcome">;

const asDay = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * The pre-filled figures of a bank's return for the given parks (../recorded-loan-figures.ts):
 * the loans of the bank and its branches to the parks' enterprises that were outstanding
 * at some point of the quarter or the day before it, not cancelled. Index:
 * LoanOutcome(bankOrgId, disbursedOn).
 */
export async function loadRecordedLoanFigures(
  db: TDb,
  params: TQuarterKey & { bankOrgId: string; parkIds: readonly string[] },
): Promise<TFigureValues[]> {
  if (params.parkIds.length === 0) return [];
  const banks = await bankWithDescendants(db, params.bankOrgId);
  if (banks.length === 0) return recordedLoanFigures([], params.parkIds, params);
  const { last, before } = quarterDays(params);
  const rows = await db.loanOutcome.findMany({
    where: {
      bankOrgId: { in: banks },
      cancellation: null,
      disbursedOn: { lte: asDay(last) },
      OR: [{ maturesOn: null }, { maturesOn: { gt: asDay(before) } }],
      enterprise: { parkId: { in: [...params.parkIds] } },
    },
    select: {
      enterpriseId: true,
      amountFen: true,
      annualRate: true,
      isFirstLoan: true,
      isCreditLoan: true,
      disbursedOn: true,
      maturesOn: true,
      enterprise: { select: { parkId: true } },
    },
  });
  return recordedLoanFigures(
    rows.map((r) => ({
      parkId: r.enterprise.parkId,
      enterpriseId: r.enterpriseId,
      amountFen: r.amountFen,
      annualRate: r.annualRate.toFixed(4),
      isFirstLoan: r.isFirstLoan,
      isCreditLoan: r.isCreditLoan,
      disbursedOn: r.disbursedOn!.toISOString().slice(0, 10),
      maturesOn: r.maturesOn ? r.maturesOn.toISOString().slice(0, 10) : null,
    })),
    params.parkIds,
    params,
  );
}
