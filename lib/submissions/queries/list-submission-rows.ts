import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { SubmissionStatus } from "@/lib/generated/prisma/enums";
import { areaOfRole } from "@/lib/auth/areas";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage, isNothing } from "@/lib/auth/scopes";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { hasQuarterEnded, quarterBounds, submissionDueAt, type TQuarterKey, type TQuarterNumber } from "@/lib/submissions/quarter";
import { maySubmitFor, submissionScope } from "@/lib/submissions/scopes";
import { windowDaysOf } from "@/lib/submissions/queries/list-submission-programs";
import { revisionMemo } from "@/lib/cache-revisions/revision-memo";

export const STATUS_FILTERS = ["all", "notStarted", ...Object.values(SubmissionStatus), "late"] as const;
export type TStatusFilter = (typeof STATUS_FILTERS)[number];

/** onTime/late: handed in before/after the due date; overdue: not handed in and past it. */
export type TLateState = "onTime" | "late" | "overdue" | "open";

export type TSubmissionRow = {
  bankOrgId: string;
  bankName: string;
  year: number;
  quarter: TQuarterNumber;
  submission: { id: string; status: SubmissionStatus; submittedAt: Date | null; reviewedAt: Date | null } | null;
  dueAt: Date;
  lateState: TLateState;
  /** The viewer may start this bank's submission for the quarter now. */
  canOpen: boolean;
};

export function lateStateOf(s: { submittedAt: Date | null; late: boolean } | null, dueAt: Date, now: Date): TLateState {
  if (s?.submittedAt) return s.late ? "late" : "onTime";
  return now.getTime() > dueAt.getTime() ? "overdue" : "open";
}

export function matchesFilter(row: TSubmissionRow, filter: TStatusFilter): boolean {
  if (filter === "all") return true;
  if (filter === "notStarted") return row.submission === null;
  if (filter === "late") return row.lateState === "late" || row.lateState === "overdue";
  return row.submission?.status === filter;
}

/**
 * Every (bank, quarter) the actor may see for the program: the banks paired with a park
 * in the program (all of them for the finance office and the central bank; a bank's own
 * and its branches' for a bank), with their submission if one was started. Sorted by
 * quarter (newest first), then the actor's own bank, then bank name. A caller that already
 * holds the working calendar or the program's window days passes them, so a page loads
 * each once.
 */
export async function listSubmissionRows(
  db: PrismaClient,
  user: TActorSource,
  params: {
    programId: string;
    quarters: TQuarterKey[];
    filter?: TStatusFilter;
    now?: Date;
    calendar?: WorkingCalendar;
    windowDays?: number | Promise<number>;
  },
): Promise<TSubmissionRow[]> {
  const now = params.now ?? new Date();
  const actor = actorOf(user);
  const ctx = await loadScopeContext(db, user);
  const scope = submissionScope(actor, ctx);
  if (isNothing(scope) || params.quarters.length === 0) return [];
  const bankIds = areaOfRole(actor.role) === "bank" ? bankCoverage(actor, ctx.bankOrgIds) : null;
  const key = [params.programId, params.quarters.map((q) => `${q.year}Q${q.quarter}`).join(","), bankIds?.join(",") ?? "*"].join("|");
  const { pairings, submissions } = await banksAndSubmissions(db, key, () =>
    readBanksAndSubmissions(db, params.programId, params.quarters, bankIds),
  );
  const windowDays = await (params.windowDays ?? windowDaysOf(db, params.programId));
  const calendar = params.calendar ?? (await loadWorkingCalendar(db));

  const rows: TSubmissionRow[] = [];
  for (const q of params.quarters) {
    const start = quarterBounds(q).start.getTime();
    const banks = new Map<string, string>();
    for (const p of pairings) if (!p.endedAt || p.endedAt.getTime() >= start) banks.set(p.bankOrgId, p.bankName);
    const ofQuarter = submissions.filter((s) => s.year === q.year && s.quarter === q.quarter);
    for (const s of ofQuarter) banks.set(s.bankOrgId, s.bankName);
    const computedDue = submissionDueAt(q, windowDays, calendar);
    for (const [bankOrgId, bankName] of banks) {
      const s = ofQuarter.find((x) => x.bankOrgId === bankOrgId) ?? null;
      const dueAt = s?.dueAt ?? computedDue;
      rows.push({
        bankOrgId,
        bankName,
        year: q.year,
        quarter: q.quarter as TQuarterNumber,
        submission: s ? { id: s.id, status: s.status, submittedAt: s.submittedAt, reviewedAt: s.reviewedAt } : null,
        dueAt,
        lateState: lateStateOf(s, dueAt, now),
        canOpen: s === null && hasQuarterEnded(q, now) && maySubmitFor(actor, bankOrgId),
      });
    }
  }
  const filter = params.filter ?? "all";
  return rows
    .filter((r) => matchesFilter(r, filter))
    .sort(
      (a, b) =>
        b.year - a.year ||
        b.quarter - a.quarter ||
        Number(b.bankOrgId === actor.orgId) - Number(a.bankOrgId === actor.orgId) ||
        a.bankName.localeCompare(b.bankName, "zh-CN"),
    );
}

// Kept per process until a return, a pairing or a bank changes; the rows' late states are
// worked out from them at each view, since the clock moves on without a change.
const banksAndSubmissions = revisionMemo<{ pairings: TPairedBank[]; submissions: TSubmissionFacts[] }>("banks");

type TPairedBank = { bankOrgId: string; bankName: string; endedAt: Date | null };
type TSubmissionFacts = {
  id: string;
  bankOrgId: string;
  bankName: string;
  year: number;
  quarter: number;
  status: SubmissionStatus;
  dueAt: Date | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  late: boolean;
};

/**
 * In one statement: each bank paired with a park in the program (endedAt empty while one of
 * its pairings is open, else the last end) and the submissions of the quarters asked for,
 * both limited to `banks` unless it is null (every bank).
 */
async function readBanksAndSubmissions(
  db: PrismaClient,
  programId: string,
  quarters: readonly TQuarterKey[],
  banks: readonly string[] | null,
): Promise<{ pairings: TPairedBank[]; submissions: TSubmissionFacts[] }> {
  const onlyBanks = (column: Prisma.Sql) => (banks === null ? Prisma.empty : Prisma.sql`AND ${column} = ANY(${[...banks]}::uuid[])`);
  const rows = await db.$queryRaw<(TSubmissionFacts & { kind: "pairing" | "submission"; endedAt: Date | null })[]>`
    SELECT 'pairing' AS kind, p."bankOrgId"::text AS "bankOrgId", o.name AS "bankName",
           CASE WHEN bool_or(p."endedAt" IS NULL) THEN NULL ELSE max(p."endedAt") END AS "endedAt",
           NULL::text AS id, NULL::int AS year, NULL::int AS quarter, NULL::text AS status, NULL::timestamptz AS "dueAt",
           NULL::timestamptz AS "submittedAt", NULL::timestamptz AS "reviewedAt", NULL::boolean AS late
      FROM "ParkBankPairing" p JOIN "Organization" o ON o.id = p."bankOrgId"
     WHERE p."programId" = ${programId}::uuid ${onlyBanks(Prisma.sql`p."bankOrgId"`)}
     GROUP BY p."bankOrgId", o.name
    UNION ALL
    SELECT 'submission', s."bankOrgId"::text, o.name, NULL, s.id::text, s.year, s.quarter, s.status::text, s."dueAt",
           s."submittedAt", s."reviewedAt", s.late
      FROM "QuarterlySubmission" s JOIN "Organization" o ON o.id = s."bankOrgId"
     WHERE s."programId" = ${programId}::uuid ${onlyBanks(Prisma.sql`s."bankOrgId"`)}
       AND (s.year, s.quarter) IN (SELECT * FROM unnest(${quarters.map((q) => q.year)}::int[], ${quarters.map((q) => q.quarter)}::int[]))`;
  return {
    pairings: rows.filter((r) => r.kind === "pairing").map((r) => ({ bankOrgId: r.bankOrgId, bankName: r.bankName, endedAt: r.endedAt })),
    submissions: rows.filter((r) => r.kind === "submission"),
  };
}
