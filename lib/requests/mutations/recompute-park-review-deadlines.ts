/**
 * After a change to the working-day calendar: recompute the park review deadline of every
 * SUBMITTED item whose review window touches the changed days, as recomputeDeadlines
 * does for the reply deadlines (and called by it, inside the calendar change's
 * transaction). start = COALESCE(parkDeadlineStartAt, submittedAt), days = the rule
 * version's parkReviewDeadlineDays; parkDueAt = addWorkingDays(start, days).
 *
 * Candidates: `status = SUBMITTED AND parkDueAt ≥ start of the first changed day AND start
 * < end of the last changed day` on Request(status, parkDueAt, parkEscalatedAt), locked
 * FOR UPDATE so an item forwarded meanwhile drops out. Each item whose parkDueAt moved
 * gets a DEADLINE_RECOMPUTED ledger entry (content `deadline: "parkReview"`, old and new
 * deadline, the reason) and its version bumped; a provisional-flag-only change has no
 * entry. An escalation already made stays (it was right on the calendar of its day);
 * an item whose deadline moved later before it escalated simply escalates later.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { LedgerAction, RequestStatus } from "@/lib/generated/prisma/enums";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { appendLedgerEntries } from "@/lib/ledger/mutations/append-ledger-entry";
import { ROWS_PER_STATEMENT } from "@/lib/requests/deadline-scan";
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
    .filter((x) => x.parkDueAt.getTime() !== x.c.parkDueAt.getTime() || x.parkDueProvisional !== x.c.parkDueProvisional);
  const moved = changes.filter((x) => x.parkDueAt.getTime() !== x.c.parkDueAt.getTime());

  for (let i = 0; i < changes.length; i += ROWS_PER_STATEMENT) {
    const chunk = changes.slice(i, i + ROWS_PER_STATEMENT);
    await tx.$executeRawUnsafe(
      `UPDATE "Request" r
          SET "parkDueAt" = v."parkDueAt"::timestamptz,
              "parkDueProvisional" = v.provisional::boolean,
              version = r.version + v.bump::int,
              "updatedAt" = $5::timestamptz
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(id, "parkDueAt", provisional, bump)
        WHERE r.id = v.id::uuid`,
      chunk.map((x) => x.c.id),
      chunk.map((x) => x.parkDueAt.toISOString()),
      chunk.map((x) => String(x.parkDueProvisional)),
      chunk.map((x) => (x.parkDueAt.getTime() !== x.c.parkDueAt.getTime() ? "1" : "0")),
      input.now.toISOString(),
    );
  }

  await appendLedgerEntries(
    tx,
    moved.map((x) => ({
      requestId: x.c.id,
      action: LedgerAction.DEADLINE_RECOMPUTED,
      actorUserId: input.actorUserId,
      actorOrgId: input.actorOrgId,
      fromStatus: RequestStatus.SUBMITTED,
      toStatus: RequestStatus.SUBMITTED,
      content: {
        deadline: "parkReview",
        previousDueAt: x.c.parkDueAt.toISOString(),
        dueAt: x.parkDueAt.toISOString(),
        previousDueProvisional: x.c.parkDueProvisional,
        dueProvisional: x.parkDueProvisional,
        parkReviewDeadlineDays: x.c.parkReviewDeadlineDays,
        reason: input.reason,
      },
      occurredAt: input.now,
    })),
  );

  return {
    candidates: candidates.length,
    dueChanged: moved.length,
    provisionalChanged: changes.filter((x) => x.parkDueProvisional !== x.c.parkDueProvisional).length,
  };
}
