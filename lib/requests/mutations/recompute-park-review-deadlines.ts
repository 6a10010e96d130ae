/**
 * After a change to the working-day calendar: recompute the park review deadline of every
 * SUBMITTED item whose review window touches the changed days, as recomputeDeadlines
 * does for the reply deadlines (and called by it, inside the calendar change's
 * transaction). start = COALESCE(parkDeadlineStartAt, submittedAt), days = the rule
 * version's parkReviewDeadlineDays; parkDueAt = addWorkingDays(start, days).
 *
 * Candidates: `status = SUBMITTED AND parkDueAt ≥ start of the first changed day AND start
 * < end of the last changed day` on Request(status, parkDueAt, parkEscalatedAt), locked
 * FOR UPDATE so an item forwarded meanwhile drops out. The writes are the reply
 * deadlines' (writeRecomputedDeadlines; the entry's content says `deadline: "parkReview"`). An escalation already made stays (it was right on the calendar of its day);
 * an item whose deadline moved later before it escalated simply escalates later.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { writeRecomputedDeadlines } from "@/lib/requests/mutations/write-recomputed-deadlines";
import { parkReviewClock } from "@/lib/requests/park-review-deadline";

type TTx = Prisma.TransactionClient;

type TCandidate = {
  id: string;
  startAt: Date;
  parkDueAt: Date;
  parkDueProvisional: boolean;
  parkReviewDeadlineDays: number;
};

export type TParkRecomputeResult = { candidates: number; dueChanged: number; provisionalChanged: number };

export async function recomputeParkReviewDeadlines(
  tx: TTx,
  input: {
    from: Date;
    toExclusive: Date;
    calendar: WorkingCalendar;
    reason: Record<string, string | number | boolean | null>;
    actorUserId: string | null;
    actorOrgId: string | null;
    now: Date;
  },
): Promise<TParkRecomputeResult> {
  const candidates = await tx.$queryRawUnsafe<TCandidate[]>(
    `SELECT r.id::text AS id, COALESCE(r."parkDeadlineStartAt", r."submittedAt") AS "startAt",
            r."parkDueAt", r."parkDueProvisional", v."parkReviewDeadlineDays"
       FROM "Request" r
       JOIN "ProgramRuleVersion" v ON v.id = r."ruleVersionId"
      WHERE r.status = $1::text::"RequestStatus"
        AND r."parkDueAt" >= $2::timestamptz
        AND COALESCE(r."parkDeadlineStartAt", r."submittedAt") < $3::timestamptz
      ORDER BY r.id
      FOR UPDATE OF r`,
    RequestStatus.SUBMITTED,
    input.from.toISOString(),
    input.toExclusive.toISOString(),
  );

  const changes = candidates
    .map((c) => ({ c, ...parkReviewClock(c.startAt, c.parkReviewDeadlineDays, input.calendar) }))
    .filter((x) => x.parkDueAt.getTime() !== x.c.parkDueAt.getTime() || x.parkDueProvisional !== x.c.parkDueProvisional)
    .map((x) => ({
      id: x.c.id,
      status: RequestStatus.SUBMITTED,
      previousDueAt: x.c.parkDueAt,
      dueAt: x.parkDueAt,
      previousProvisional: x.c.parkDueProvisional,
      provisional: x.parkDueProvisional,
      content: { deadline: "parkReview", parkReviewDeadlineDays: x.c.parkReviewDeadlineDays },
    }));
  const written = await writeRecomputedDeadlines(tx, "parkReview", changes, input);
  return {
    candidates: candidates.length,
    dueChanged: written.moved,
    provisionalChanged: written.provisionalChanged,
  };
}
