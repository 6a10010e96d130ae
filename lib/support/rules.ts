import type { OrgKind, SupportClass, SupportReportStatus, SupportVerdict } from "@/lib/generated/prisma/enums";

// The rules of 1+1 support (一对一帮扶): which months are reported and by when, who
// reviews, which step may start from which state, the year-end verdict and the B → A move.
// Pure: no database, no framework (type imports of the Prisma enums only).

export const PROFILE_MAX = 2000;
export const PLAN_MAX = 2000;
export const TARGETS_MAX = 500;
export const PROGRESS_MAX = 4000;
export const REASON_MAX = 500;
export const TOPICS_MAX = 200;
export const ATTENDEES_MAX = 200;
export const COMMENT_MAX = 500;
export const ACTIVITIES_MAX = 20;

// ── months and due days ──

/** "YYYY-MM" of a month. */
export type TMonth = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(v: string): boolean {
  return MONTH.test(v);
}

/** The month's first day as a UTC date (how @db.Date columns travel). */
export function monthStart(month: TMonth): Date {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

export function monthOf(date: Date): TMonth {
  return date.toISOString().slice(0, 7);
}

/** "YYYY-MM" of the Asia/Shanghai calendar day of an instant. */
export function shanghaiMonth(now: Date): TMonth {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/**
 * The last day to file a month's report: the rule's day of that month, or the month's
 * last day when the month is shorter ("每个月底前": the default 31 is always month end).
 */
export function reportDueOn(month: TMonth, dueDay: number): Date {
  const start = monthStart(month);
  const last = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), Math.min(Math.max(1, dueDay), last)));
}

/**
 * Whether a month is one the bank reports for: in the program's year, from the rule's
 * start month, and not after the current month (a report looks back on work done).
 */
export function isReportingMonth(month: TMonth, year: number, startMonth: number, now: Date): boolean {
  if (!isMonth(month)) return false;
  const [y, m] = month.split("-").map(Number) as [number, number];
  return y === year && m >= startMonth && month <= shanghaiMonth(now);
}

/** A filing is late when it comes after the due day (Asia/Shanghai). */
export function isLateFiling(dueOn: Date, now: Date): boolean {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10) > dueOn.toISOString().slice(0, 10);
}

// ── who reviews ──

/** The rule's value: 0 the central bank branch (the leading group's office), 1 the finance office. */
export function reviewingOfficeKind(rule: number): Extract<OrgKind, "CENTRAL_BANK" | "FINANCE_OFFICE"> {
  return rule === 1 ? "FINANCE_OFFICE" : "CENTRAL_BANK";
}

// ── the step table: who may take which step from which state ──

export type TSupportStep = "file" | "accept" | "return";

const STEP_FROM: Record<TSupportStep, readonly SupportReportStatus[]> = {
  // A first filing (no row yet, or the scan's OVERDUE row) and a refiling after a return.
  file: ["OVERDUE", "RETURNED"],
  accept: ["FILED"],
  return: ["FILED"],
};

/** The one definition of which step starts from which status (null: no report yet). */
export function canSupportStep(step: TSupportStep, status: SupportReportStatus | null): boolean {
  if (status === null) return step === "file";
  return STEP_FROM[step].includes(status);
}

// ── the year-end assessment ──

export const SCORE_MAX = 100;
export const COMMEND_FROM = 85;
export const CRITICIZE_BELOW = 60;

export type TScores = { coachingScore: number; creditScore: number; reportingScore: number };

/**
 * The total weighs credit support most (the program's purpose is loans), then coaching,
 * then reporting: 40/35/25, rounded. 85 and over is commended, under 60 criticized
 * ("对帮扶先进单位进行表彰奖励，对帮扶工作不力的单位进行通报批评").
 */
export function assessmentTotal(s: TScores): number {
  return Math.round(s.creditScore * 0.4 + s.coachingScore * 0.35 + s.reportingScore * 0.25);
}

export function assessmentVerdict(total: number): SupportVerdict {
  if (total >= COMMEND_FROM) return "COMMEND";
  if (total < CRITICIZE_BELOW) return "CRITICIZE";
  return "NONE";
}

// ── B → A ──

/** A class-B enterprise moves to A once it obtains credit ("待实现信贷融资后转入A类"). */
export function promotesOnCredit(current: SupportClass | null, creditFen: bigint): boolean {
  return current === "B" && creditFen > 0n;
}

/** The class history's reason, stored in Chinese like the other stored texts. */
export function promotionReason(
  source: { kind: "report"; month: TMonth; reportId: string; fen: bigint } | { kind: "loan"; loanId: string; fen: bigint },
): string {
  const wan = (Number(source.fen / 100n) / 10_000).toFixed(2);
  return source.kind === "report"
    ? `1+1 帮扶月报（${source.month}）审核通过，已获授信 ${wan} 万元：B 类转入 A 类（月报 ${source.reportId}）`
    : `已获银行贷款 ${wan} 万元：B 类转入 A 类（贷款记录 ${source.loanId}）`;
}
