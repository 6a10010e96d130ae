/**
 * The program year's credit targets the finance office split among the banks, sized from
 * each bank's seeded return so the demo's progress looks like a real year's: the amount a
 * little above four quarters of the quarter's increment, the households a little above
 * what the return states. The bank that never files gets no target (the empty state), and
 * the first bank's target was raised once after the half-year review (two versions).
 * Its own random stream: adding it changes no other seeded row.
 */
import { Rng } from "./random";
import { shanghaiInstant } from "./time";
import type { TSeedContext, TSeedRows } from "./types";

const FEN_PER_WAN = 1_000_000;
const HUNDRED_WAN = 100 * FEN_PER_WAN;

export function buildCreditTargets(ctx: TSeedContext, rows: TSeedRows): void {
  const rng = new Rng(ctx.options.seed, "targets");
  const submissionOf = new Map(rows.quarterlySubmission.map((s) => [s.id as string, s.bankOrgId]));
  const sums = new Map<string, { incrementFen: number; borrowers: number; firstLoans: number; creditLoans: number }>();
  for (const f of rows.quarterlyParkFigure) {
    const bankOrgId = submissionOf.get(f.submissionId);
    if (!bankOrgId) continue;
    const s = sums.get(bankOrgId) ?? { incrementFen: 0, borrowers: 0, firstLoans: 0, creditLoans: 0 };
    s.incrementFen += Math.max(0, Number(f.loanIncrementFen));
    s.borrowers += f.borrowers;
    s.firstLoans += f.firstLoans;
    s.creditLoans += f.creditLoans;
    sums.set(bankOrgId, s);
  }
  const setAt = new Date(shanghaiInstant(ctx.setupDay, 15));
  const revisedAt = new Date(Math.min(shanghaiInstant(`${ctx.year}-07-20`, 10), ctx.nowMs - 86_400_000));
  for (const bank of ctx.banks) {
    const s = sums.get(bank.orgId);
    if (!s) continue;
    // Whole hundreds of 万元, at least 500 万元.
    const amountFen = Math.max(5, Math.ceil((s.incrementFen * 4 * rng.float(1.05, 1.3)) / HUNDRED_WAN)) * HUNDRED_WAN;
    const borrowers = Math.max(1, Math.ceil(s.borrowers * rng.float(1.05, 1.25)));
    const target = {
      programId: ctx.programId,
      year: ctx.year,
      bankOrgId: bank.orgId,
      amountFen: BigInt(amountFen),
      borrowers,
      firstLoans: Math.min(borrowers, Math.ceil(s.firstLoans * rng.float(1.1, 1.5)) + 1),
      creditLoans: Math.min(borrowers, Math.ceil(s.creditLoans * rng.float(1.05, 1.3))),
      createdById: ctx.financeAdminUserId,
    };
    rows.bankCreditTarget.push({ ...target, id: rng.uuid(), version: 1, note: null, createdAt: setAt });
    if (bank.index === 0 && revisedAt > setAt) {
      rows.bankCreditTarget.push({
        ...target,
        id: rng.uuid(),
        version: 2,
        amountFen: BigInt(amountFen + 5 * HUNDRED_WAN),
        note: "半年评估后上调全年新增贷款目标。",
        createdAt: revisedAt,
      });
    }
  }
}
