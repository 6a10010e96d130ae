/**
 * The banks' quarterly loan figures for one park, for one quarter: a row per bank and the
 * park's totals. Pure; amounts stay integer fen (as decimal strings once summed).
 */
import type { SubmissionStatus } from "@/lib/generated/prisma/enums";
import type { TQuarterKey } from "@/lib/submissions/quarter";

export type TParkFigureInput = {
  year: number;
  quarter: number;
  bankOrgId: string;
  bankName: string;
  status: SubmissionStatus;
  balanceFen: bigint;
  incrementFen: bigint;
  borrowers: number;
  firstLoans: number;
  creditLoans: number;
};

export type TParkFigureRow = {
  bankOrgId: string;
  bankName: string;
  status: SubmissionStatus;
  balanceFen: string;
  incrementFen: string;
  borrowers: number;
  firstLoans: number;
  creditLoans: number;
};

export type TParkFigureTable = TQuarterKey & {
  /** True for the last complete quarter, false for the one running now. */
  complete: boolean;
  rows: TParkFigureRow[];
  totals: Omit<TParkFigureRow, "bankOrgId" | "bankName" | "status"> | null;
};

export function parkFigureTable(q: TQuarterKey, complete: boolean, all: readonly TParkFigureInput[]): TParkFigureTable {
  const mine = all
    .filter((f) => f.year === q.year && f.quarter === q.quarter)
    .sort((a, b) => a.bankName.localeCompare(b.bankName, "zh-CN") || a.bankOrgId.localeCompare(b.bankOrgId));
  if (mine.length === 0) return { ...q, complete, rows: [], totals: null };
  let balance = 0n;
  let increment = 0n;
  let borrowers = 0;
  let firstLoans = 0;
  let creditLoans = 0;
  const rows = mine.map((f) => {
    balance += f.balanceFen;
    increment += f.incrementFen;
    borrowers += f.borrowers;
    firstLoans += f.firstLoans;
    creditLoans += f.creditLoans;
    return {
      bankOrgId: f.bankOrgId,
      bankName: f.bankName,
      status: f.status,
      balanceFen: f.balanceFen.toString(),
      incrementFen: f.incrementFen.toString(),
      borrowers: f.borrowers,
      firstLoans: f.firstLoans,
      creditLoans: f.creditLoans,
    };
  });
  return {
    ...q,
    complete,
    rows,
    totals: { balanceFen: balance.toString(), incrementFen: increment.toString(), borrowers, firstLoans, creditLoans },
  };
}
