/**
 * Items submitted before the park review deadline existed (or written without one) get
 * it from their submission: parkDueAt = addWorkingDays(COALESCE(parkDeadlineStartAt,
 * submittedAt), parkReviewDeadlineDays) on the calendar of the scan. Derived, like a
 * provisional flag, so no ledger entry and no version bump; a later calendar change
 * recomputes it as any other. Reads the SUBMITTED items with no parkDueAt, a range of
 * Request(status, parkDueAt, parkEscalatedAt) that is empty once they are done; rows a
 * park is changing right now are skipped (SKIP LOCKED) and done by the next scan.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { ROWS_PER_STATEMENT } from "@/lib/requests/deadline-scan";
import { parkReviewClock } from "@/lib/requests/park-review-deadline";

type TTx = Prisma.TransactionClient;

export async function startMissingParkReviewClocks(tx: TTx, calendar: WorkingCalendar): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ id: string; startAt: Date; days: number }[]>(
    `SELECT r.id::text AS id, COALESCE(r."parkDeadlineStartAt", r."submittedAt") AS "startAt", v."parkReviewDeadlineDays" AS days
       FROM "Request" r
       JOIN "ProgramRuleVersion" v ON v.id = r."ruleVersionId"
      WHERE r.status = $1::text::"RequestStatus"
        AND r."parkDueAt" IS NULL
        AND r."submittedAt" IS NOT NULL
      FOR UPDATE OF r SKIP LOCKED`,
    RequestStatus.SUBMITTED,
  );
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT).map((r) => ({ id: r.id, ...parkReviewClock(r.startAt, r.days, calendar) }));
    await tx.$executeRawUnsafe(
      `UPDATE "Request" r
          SET "parkDueAt" = v."parkDueAt"::timestamptz, "parkDueProvisional" = v.provisional::boolean
         FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, "parkDueAt", provisional)
        WHERE r.id = v.id::uuid AND r."parkDueAt" IS NULL`,
      chunk.map((r) => r.id),
      chunk.map((r) => r.parkDueAt.toISOString()),
      chunk.map((r) => String(r.parkDueProvisional)),
    );
  }
  return rows.length;
}
