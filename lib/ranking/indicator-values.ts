/**
 * From the two aggregate rows of a bank (items, loan figures) to its indicator values.
 * Pure. Every value is rounded to two decimals here, before scoring, so the points a bank
 * sees follow from the value it sees. A rate with an empty denominator is null (no data:
 * scores 0, shown as "—").
 */
import type { TIndicatorKey } from "./indicators";
import type { TLoanFiguresRow } from "@/lib/ranking/queries/query-loan-figures";
import type { TItemStatsRow } from "@/lib/ranking/queries/query-item-stats";
import type { TTargetFiguresRow } from "@/lib/ranking/queries/query-target-figures";
import type { TVisitFiguresRow } from "@/lib/ranking/queries/query-visit-figures";
import type { TQuestionnaireFiguresRow } from "@/lib/ranking/queries/query-questionnaire-figures";
import type { TEventFiguresRow } from "@/lib/ranking/queries/query-event-figures";
import { attainmentPercent } from "@/lib/targets/rules";

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;
const percent = (part: number, whole: number): number | null => (whole > 0 ? round2((part / whole) * 100) : null);

/** Fen (a decimal string) → 万元 with two decimals, rounded half away from zero in integers. */
export function fenToWanYuan(fen: string): number {
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const hundredths = (abs + 5_000n) / 10_000n; // 1 万元 = 1,000,000 fen; 0.01 万元 = 10,000 fen
  return (negative ? -1 : 1) * (Number(hundredths) / 100);
}

/** Growth in percent: increment / (balance − increment), null when the opening balance is not positive. */
export function growthPercent(balanceFen: string, incrementFen: string): number | null {
  const opening = BigInt(balanceFen) - BigInt(incrementFen);
  if (opening <= 0n) return null;
  // Hundredths of a percent, rounded half away from zero in integers (exact for fen sums).
  const numerator = BigInt(incrementFen) * 10_000n;
  const abs = numerator < 0n ? -numerator : numerator;
  const hundredths = (abs * 2n + opening) / (2n * opening);
  return (numerator < 0n ? -1 : 1) * (Number(hundredths) / 100);
}

/**
 * The target indicators: percent of the bank's own annual target reached (cut to 0.01);
 * null without a target or without this quarter's return, like the other return figures.
 */
function targetAttainment(loans: TLoanFiguresRow, hasFigures: boolean, target: TTargetFiguresRow | undefined) {
  const reached = (actual: bigint | number, goal: bigint | number) => (hasFigures && target ? attainmentPercent(actual, goal) : null);
  return {
    loanTargetAttainment: target ? reached(BigInt(target.ytdIncrementFen ?? "0"), BigInt(target.targetAmountFen)) : null,
    borrowersTargetAttainment: target ? reached(loans.borrowers ?? 0, target.targetBorrowers) : null,
    firstLoansTargetAttainment: target ? reached(loans.firstLoans ?? 0, target.targetFirstLoans) : null,
    creditLoansTargetAttainment: target ? reached(loans.creditLoans ?? 0, target.targetCreditLoans) : null,
  };
}

export function indicatorValues(
  items: TItemStatsRow | undefined,
  loans: TLoanFiguresRow,
  target?: TTargetFiguresRow,
  visits?: TVisitFiguresRow,
  questionnaire?: TQuestionnaireFiguresRow,
  events?: TEventFiguresRow,
): Record<TIndicatorKey, number | null> {
  const s = items ?? null;
  const hasFigures = loans.submittedAt !== null && loans.figureCount > 0;
  const onTimeSubmission =
    loans.submittedAt !== null && loans.dueAt !== null && loans.submittedAt.getTime() <= loans.dueAt.getTime() ? 100 : 0;
  return {
    itemsReceived: s?.received ?? 0,
    replyRate: s ? percent(s.answered, s.owed) : null,
    onTimeReplyRate: s ? percent(s.onTime, s.owed) : null,
    avgDaysToFirstAnswer: s && s.answered > 0 && s.answerDaysSum !== null ? round2(s.answerDaysSum / s.answered) : null,
    financingSatisfactionRate: s ? percent(s.financingGranted, s.financingAnswered) : null,
    enterpriseSatisfactionRate: s ? percent(s.satisfied, s.rated) : null,
    escalatedItems: s?.escalated ?? 0,
    overdueItems: s?.overdue ?? 0,
    loanIncrement: hasFigures && loans.incrementFen !== null ? fenToWanYuan(loans.incrementFen) : null,
    loanGrowth:
      hasFigures && loans.balanceFen !== null && loans.incrementFen !== null ? growthPercent(loans.balanceFen, loans.incrementFen) : null,
    borrowers: hasFigures ? (loans.borrowers ?? 0) : null,
    firstLoanShare: hasFigures ? percent(loans.firstLoans ?? 0, loans.borrowers ?? 0) : null,
    creditLoanShare: hasFigures ? percent(loans.creditLoans ?? 0, loans.borrowers ?? 0) : null,
    onTimeSubmission,
    ...targetAttainment(loans, hasFigures, target),
    // The year's own figures: only the annual assessment has them (annual-indicator-values.ts).
    annualLoanIncrement: null,
    annualLoanGrowth: null,
    borrowersChange: null,
    // Parks visited of the bank's main-bank parks; no data without a main pairing.
    parkVisitsDone: visits && visits.parks > 0 ? percent(visits.visited, visits.parks) : null,
    // Satisfied of the rated questionnaire answers counted for the bank; no data without one.
    questionnaireSatisfaction: questionnaire ? percent(questionnaire.satisfied, questionnaire.rated) : null,
    // Signed intentions at the quarter's held events; no data for a bank invited to none.
    eventIntentionsSigned: events && events.events > 0 ? events.signed : null,
  };
}
