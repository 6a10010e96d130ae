import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SubmissionStatus, type PairingRole } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isUuid } from "@/lib/ids";
import type { TFigureValues } from "@/lib/submissions/figures";
import { readItemsSnapshot, totalsOf, type TItemTotals, type TPrefillItem } from "@/lib/submissions/items-summary";
import { quarterBounds, type TQuarterNumber } from "@/lib/submissions/quarter";
import { mayReview, maySubmitFor, submissionScope } from "@/lib/submissions/scopes";
import { loadPairedParks } from "@/lib/submissions/queries/load-paired-parks";
import { loadQuarterItems } from "@/lib/submissions/queries/load-quarter-items";
import { loadRecordedLoanFigures } from "@/lib/submissions/queries/load-recorded-loan-figures";

export type TFigureTotals = {
  loanBalanceFen: bigint;
  loanIncrementFen: bigint;
  borrowers: number;
  firstLoans: number;
  creditLoans: number;
};

export type TSubmissionDetail = {
  id: string;
  programId: string;
  programName: string;
  bankOrgId: string;
  bankName: string;
  year: number;
  quarter: TQuarterNumber;
  status: SubmissionStatus;
  dueAt: Date | null;
  submittedAt: Date | null;
  late: boolean;
  reviewedAt: Date | null;
  reviewerName: string | null;
  returnReason: string | null;
  frozenAt: Date | null;
  /** The optimistic-concurrency token the forms send back ("version"). */
  version: string;
  /**
   * `prefill`: while the return is open, the figures computed from the loans recorded in
   * the portal (lib/submissions/recorded-loan-figures.ts) — the form's starting values
   * for a park the bank has not filled in yet; null once submitted.
   */
  parks: Array<{ parkId: string; parkName: string; role: PairingRole | null; figure: TFigureValues | null; prefill: TFigureValues | null }>;
  figureTotals: TFigureTotals;
  /** Live from the ledger until accepted; afterwards the frozen snapshot (null items: summary only). */
  items: TPrefillItem[] | null;
  itemTotals: TItemTotals | null;
  itemsAsOf: Date;
  can: { edit: boolean; review: boolean };
};

/**
 * One submission as the actor may see it, or null ("not found": unknown id, or another
 * bank's). The items are computed from the ledger at `now` while the submission is open
 * and read from the snapshot once it is accepted (later changes to an item never alter an
 * accepted submission).
 */
export async function getSubmissionDetail(
  db: PrismaClient,
  user: TActorSource,
  id: string,
  opts: { now?: Date } = {},
): Promise<TSubmissionDetail | null> {
  const now = opts.now ?? new Date();
  if (!isUuid(id)) return null;
  const actor = actorOf(user);
  const where = submissionScope(actor, await loadScopeContext(db, user));
  const row = await db.quarterlySubmission.findFirst({
    where: { AND: [{ id }, where] },
    select: {
      id: true,
      programId: true,
      bankOrgId: true,
      year: true,
      quarter: true,
      status: true,
      dueAt: true,
      submittedAt: true,
      late: true,
      reviewedAt: true,
      reviewedById: true,
      returnReason: true,
      frozenAt: true,
      itemsSnapshot: true,
      updatedAt: true,
      program: { select: { name: true } },
      bank: { select: { name: true } },
      figures: {
        select: {
          parkId: true,
          loanBalanceFen: true,
          loanIncrementFen: true,
          borrowers: true,
          firstLoans: true,
          creditLoans: true,
          averageRate: true,
          park: { select: { org: { select: { name: true } } } },
        },
      },
    },
  });
  if (!row) return null;
  const q = { year: row.year, quarter: row.quarter as TQuarterNumber };
  const paired = await loadPairedParks(db, { programId: row.programId, bankOrgId: row.bankOrgId, quarterStart: quarterBounds(q).start });
  const figures = new Map(
    row.figures.map((f) => [
      f.parkId,
      {
        value: {
          parkId: f.parkId,
          loanBalanceFen: f.loanBalanceFen,
          loanIncrementFen: f.loanIncrementFen,
          borrowers: f.borrowers,
          firstLoans: f.firstLoans,
          creditLoans: f.creditLoans,
          averageRate: f.averageRate === null ? null : f.averageRate.toFixed(4),
        } satisfies TFigureValues,
        parkName: f.park.org.name,
      },
    ]),
  );
  // Paired parks first; a park with figures whose pairing has since ended still shows (a frozen submission keeps it).
  const parks: TSubmissionDetail["parks"] = paired.map((p) => ({ ...p, figure: figures.get(p.parkId)?.value ?? null, prefill: null }));
  for (const [parkId, f] of figures)
    if (!paired.some((p) => p.parkId === parkId)) parks.push({ parkId, parkName: f.parkName, role: null, figure: f.value, prefill: null });
  const editable = row.status === SubmissionStatus.DRAFT || row.status === SubmissionStatus.RETURNED;
  if (editable) {
    const computed = await loadRecordedLoanFigures(db, { ...q, bankOrgId: row.bankOrgId, parkIds: parks.map((p) => p.parkId) });
    for (const p of parks) p.prefill = computed.find((c) => c.parkId === p.parkId) ?? null;
  }

  const frozen = row.status === SubmissionStatus.ACCEPTED;
  const snapshot = frozen ? readItemsSnapshot(row.itemsSnapshot) : null;
  const items = frozen ? (snapshot?.items ?? null) : await loadQuarterItems(db, { ...q, bankOrgId: row.bankOrgId, now });
  const reviewer = row.reviewedById ? await db.user.findUnique({ where: { id: row.reviewedById }, select: { name: true } }) : null;

  return {
    id: row.id,
    programId: row.programId,
    programName: row.program.name,
    bankOrgId: row.bankOrgId,
    bankName: row.bank.name,
    year: row.year,
    quarter: q.quarter,
    status: row.status,
    dueAt: row.dueAt,
    submittedAt: row.submittedAt,
    late: row.late,
    reviewedAt: row.reviewedAt,
    reviewerName: reviewer?.name ?? null,
    returnReason: row.returnReason,
    frozenAt: row.frozenAt,
    version: row.updatedAt.toISOString(),
    parks,
    figureTotals: sumFigures(parks.flatMap((p) => (p.figure ? [p.figure] : []))),
    items,
    itemTotals: frozen ? (snapshot?.totals ?? null) : totalsOf(items ?? []),
    itemsAsOf: frozen && snapshot ? new Date(snapshot.computedAt) : now,
    can: {
      edit: editable && row.frozenAt === null && maySubmitFor(actor, row.bankOrgId),
      review: row.status === SubmissionStatus.SUBMITTED && mayReview(actor),
    },
  };
}

export function sumFigures(figures: readonly TFigureValues[]): TFigureTotals {
  const t: TFigureTotals = { loanBalanceFen: 0n, loanIncrementFen: 0n, borrowers: 0, firstLoans: 0, creditLoans: 0 };
  for (const f of figures) {
    t.loanBalanceFen += f.loanBalanceFen;
    t.loanIncrementFen += f.loanIncrementFen;
    t.borrowers += f.borrowers;
    t.firstLoans += f.firstLoans;
    t.creditLoans += f.creditLoans;
  }
  return t;
}
