import type { Prisma } from "@/lib/generated/prisma/client";
import { CalendarDayKind } from "@/lib/generated/prisma/enums";
import { revisionMemo } from "@/lib/cache-revisions/revision-memo";
import { isWeekendIso } from "@/lib/calendar/schemas";
import { createWorkingCalendar, type WorkingCalendar } from "@/lib/calendar/working-days";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw">;

/** "YYYY-MM-DD" of a @db.Date value (read back as UTC midnight). */
export function isoOfDateColumn(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The working-day calendar every deadline is computed with, from the database:
 * holidays and adjusted working days from CalendarDay, published years = CalendarYear rows
 * with a publishedAt. Correctness first: a calendar change is visible at once in every app
 * instance. It is read on most page views and changes a few times a year, so a render
 * reuses the calendar this process built under the revision its session statement read
 * (CacheRevision 'calendar', raised by triggers on every change to CalendarDay and
 * CalendarYear; revisionMemo). Pass a transaction client to see the transaction's own changes.
 *
 * A WORKDAY row on a Monday–Friday (which the calendar mutations refuse) would change
 * nothing — that day is a working day anyway — so it is skipped rather than thrown on.
 */
export function loadWorkingCalendar(db: TDb): Promise<WorkingCalendar> {
  return calendars(db, "", () => readWorkingCalendar(db));
}

const calendars = revisionMemo<WorkingCalendar>("calendar", 1);

async function readWorkingCalendar(db: TDb): Promise<WorkingCalendar> {
  // One statement for both tables. Dates come back as "YYYY-MM-DD" text.
  const [row] = await db.$queryRaw<{ days: { date: string; kind: CalendarDayKind }[]; years: number[] }[]>`
    SELECT (SELECT coalesce(json_agg(json_build_object('date', to_char(d."date", 'YYYY-MM-DD'), 'kind', d."kind")), '[]'::json)
              FROM "CalendarDay" d) AS days,
           (SELECT coalesce(json_agg(y."year"), '[]'::json) FROM "CalendarYear" y WHERE y."publishedAt" IS NOT NULL) AS years`;
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (const d of row?.days ?? []) {
    if (d.kind === CalendarDayKind.HOLIDAY) holidays.push(d.date);
    else if (isWeekendIso(d.date)) workdays.push(d.date);
  }
  return createWorkingCalendar({ holidays, workdays, publishedYears: row?.years ?? [] });
}
