import { cache } from "react";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CalendarDayKind } from "@/lib/generated/prisma/enums";
import { knownCacheRevision } from "@/lib/cache-revisions/known-cache-revision";
import { cacheRevisionColumn } from "@/lib/cache-revisions/queries/cache-revision-column";
import { isWeekendIso } from "@/lib/calendar/schemas";
import { createWorkingCalendar, type WorkingCalendar } from "@/lib/calendar/working-days";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw">;

/** "YYYY-MM-DD" of a @db.Date value (read back as UTC midnight). */
export function isoOfDateColumn(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// The calendar this server process built last, and the revision it was read at.
let built: { revision: string; calendar: WorkingCalendar } | null = null;

/**
 * The working-day calendar every deadline is computed with, from the database:
 * holidays and adjusted working days from CalendarDay, published years = CalendarYear rows
 * with a publishedAt. Correctness first: a calendar change is visible at once in every app
 * instance. A page render whose session statement read the same revision as the calendar
 * this process built last reuses it (the calendar is read on most page views, and changes a
 * few times a year; CacheRevision 'calendar', raised by triggers on every change to
 * CalendarDay and CalendarYear); otherwise it is read here, with its revision in the same statement.
 * Pass a transaction client to see the transaction's own changes.
 *
 * A WORKDAY row on a Monday–Friday (which the calendar mutations refuse) would change
 * nothing — that day is a working day anyway — so it is skipped rather than thrown on.
 */
export async function loadWorkingCalendar(db: TDb): Promise<WorkingCalendar> {
  const known = knownCacheRevision(db, "calendar");
  if (known !== null && built?.revision === known) return built.calendar;
  // One statement for both tables and the revision. Dates come back as "YYYY-MM-DD" text.
  const [row] = await db.$queryRaw<{ days: { date: string; kind: CalendarDayKind }[]; years: number[]; revision: string | null }[]>`
    SELECT (SELECT coalesce(json_agg(json_build_object('date', to_char(d."date", 'YYYY-MM-DD'), 'kind', d."kind")), '[]'::json)
              FROM "CalendarDay" d) AS days,
           (SELECT coalesce(json_agg(y."year"), '[]'::json) FROM "CalendarYear" y WHERE y."publishedAt" IS NOT NULL) AS years,
           ${cacheRevisionColumn("calendar")} AS revision`;
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (const d of row?.days ?? []) {
    if (d.kind === CalendarDayKind.HOLIDAY) holidays.push(d.date);
    else if (isWeekendIso(d.date)) workdays.push(d.date);
  }
  const years = row?.years ?? [];
  const calendar = createWorkingCalendar({ holidays, workdays, publishedYears: years });
  if (row?.revision != null) built = { revision: row.revision, calendar };
  return calendar;
}

/**
 * Years whose schedule is published (CalendarYear.publishedAt set), ascending. Memoised for
 * one server render (React cache; outside a render it is a plain call): the finance
 * pages' missing-calendar banner and the finance dashboard both ask.
 */
export const loadPublishedYears = cache(async (db: Pick<Prisma.TransactionClient, "calendarYear">): Promise<number[]> => {
  const rows = await db.calendarYear.findMany({ where: { publishedAt: { not: null } }, select: { year: true }, orderBy: { year: "asc" } });
  // Frozen: every caller of the render shares this array.
  return Object.freeze(rows.map((r) => r.year)) as number[];
});
