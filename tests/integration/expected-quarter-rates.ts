/**
 * A quarter's reply and satisfaction counts and rates the ranking's way, computed item by
 * item from "Request" and its ledger entries (per-request subqueries, counted in JS):
 * written apart from the read models and the dashboard queries, for tests to compare
 * them with.
 *
 *   const expected = await expectedQuarterRates(prisma, { programId, window: quarterWindow(2026, 4), cutoff: now, bankIds: null });
 *
 * Items received in the window are those forwarded in it up to the cutoff; answers,
 * ratings and withdrawals count up to the cutoff. bankIds null: city-wide.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { percentOf } from "@/lib/dashboard/shared-rates";
import type { TQuarterWindow } from "@/lib/ranking/quarter-window";

/** Anything that runs raw SQL like a Prisma client (a client or a transaction). */
export type TSqlRunner = Pick<PrismaClient, "$queryRawUnsafe">;

export type TExpectedQuarterRatesInput = {
  programId: string;
  window: TQuarterWindow;
  cutoff: Date;
  /** The assigned banks to count; null: every bank. */
  bankIds: string[] | null;
};

export async function expectedQuarterRates(db: TSqlRunner, { programId, window, cutoff, bankIds }: TExpectedQuarterRatesInput) {
  const rows = await db.$queryRawUnsafe<
    {
      type: string;
      due: Date | null;
      first: Date | null;
      ontime: string | null;
      kind: string | null;
      rating: string | null;
      withdrawn: Date | null;
    }[]
  >(
    `SELECT r.type::text, r."dueAt" AS due,
       (SELECT min(e."occurredAt") FROM "LedgerEntry" e WHERE e."requestId" = r.id AND e.action = 'ANSWER' AND e."occurredAt" BETWEEN $2 AND $3) AS first,
       (SELECT e.content->>'onTime' FROM "LedgerEntry" e WHERE e."requestId" = r.id AND e.action = 'ANSWER' AND e."occurredAt" BETWEEN $2 AND $3 ORDER BY e.seq LIMIT 1) AS ontime,
       (SELECT e.content->>'answerKind' FROM "LedgerEntry" e WHERE e."requestId" = r.id AND e.action = 'ANSWER' AND e."occurredAt" BETWEEN $2 AND $3 ORDER BY e.seq DESC LIMIT 1) AS kind,
       (SELECT e.content->>'rating' FROM "LedgerEntry" e WHERE e."requestId" = r.id AND e.action = 'RATE' AND e."occurredAt" BETWEEN $2 AND $3 ORDER BY e.seq DESC LIMIT 1) AS rating,
       (SELECT min(e."occurredAt") FROM "LedgerEntry" e WHERE e."requestId" = r.id AND e.action = 'WITHDRAW' AND e."occurredAt" BETWEEN $2 AND $3) AS withdrawn
     FROM "Request" r
     WHERE r."programId" = $1::uuid AND r."assignedBankId" IS NOT NULL AND r."forwardedAt" >= $2 AND r."forwardedAt" < $4 AND r."forwardedAt" <= $3
       AND ($5::uuid[] IS NULL OR r."assignedBankId" = ANY($5::uuid[]))`,
    programId,
    window.start,
    cutoff,
    window.end,
    bankIds,
  );
  let owed = 0,
    answered = 0,
    onTime = 0,
    fa = 0,
    fg = 0,
    rated = 0,
    satisfied = 0;
  for (const r of rows) {
    const isAnswered = r.first !== null;
    const withdrawnEarly = !isAnswered && r.withdrawn !== null && r.due !== null && r.withdrawn <= r.due;
    if ((isAnswered || (r.due !== null && r.due <= cutoff)) && !withdrawnEarly) owed++;
    if (isAnswered) answered++;
    if (isAnswered && (r.ontime !== null ? r.ontime === "true" : r.due !== null && r.first! <= r.due)) onTime++;
    if (r.type === "FINANCING" && r.kind !== null) fa++;
    if (r.type === "FINANCING" && r.kind === "GRANTED") fg++;
    if (r.rating !== null) rated++;
    if (r.rating === "SATISFIED" || r.rating === "BASICALLY_SATISFIED") satisfied++;
  }
  return {
    received: rows.length,
    owed,
    answered,
    onTime,
    financingAnswered: fa,
    financingGranted: fg,
    rated,
    satisfied,
    replyRate: percentOf(answered, owed),
    onTimeReplyRate: percentOf(onTime, owed),
    financingSatisfactionRate: percentOf(fg, fa),
    enterpriseSatisfactionRate: percentOf(satisfied, rated),
  };
}
