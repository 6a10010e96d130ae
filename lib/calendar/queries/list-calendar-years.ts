import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CalendarDayKind } from "@/lib/generated/prisma/enums";
import { CN_OFFICIAL_SCHEDULES } from "@/lib/calendar/cn-official";
import { isoOfDateColumn } from "./load-working-calendar";

export type TCalendarDayRow = { date: string; kind: CalendarDayKind; name: string | null; updatedByName: string | null };

export type TCalendarYearSummary = {
  year: number;
  published: boolean;
  source: string | null;
  publishedAt: Date | null;
  holidays: number;
  workdays: number;
  /** Our own copy of the State Council notice has this year (lib/calendar/cn-official.ts). */
  officialAvailable: boolean;
};

export type TCalendarYearDetail = TCalendarYearSummary & { days: TCalendarDayRow[] };

/**
 * Every year the page should offer: years with a CalendarYear row or any CalendarDay,
 * years in the official data, and the current and next Shanghai year (so a missing year
 * can be entered), ascending.
 */
export async function listCalendarYears(db: PrismaClient, now: Date = new Date()): Promise<TCalendarYearSummary[]> {
  const [yearRows, dayCounts] = await Promise.all([
    db.calendarYear.findMany({ select: { year: true, source: true, publishedAt: true } }),
    db.$queryRaw<Array<{ year: number; kind: CalendarDayKind; n: number }>>`
      SELECT EXTRACT(YEAR FROM "date")::int AS year, "kind", COUNT(*)::int AS n
        FROM "CalendarDay" GROUP BY 1, 2`,
  ]);
  const current = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const years = new Set<number>([current, current + 1, ...Object.keys(CN_OFFICIAL_SCHEDULES).map(Number)]);
  for (const r of yearRows) years.add(r.year);
  for (const c of dayCounts) years.add(c.year);
  const byYear = new Map(yearRows.map((r) => [r.year, r]));
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const row = byYear.get(year);
      const count = (kind: CalendarDayKind) => dayCounts.find((c) => c.year === year && c.kind === kind)?.n ?? 0;
      return {
        year,
        published: Boolean(row?.publishedAt),
        source: row?.source ?? null,
        publishedAt: row?.publishedAt ?? null,
        holidays: count("HOLIDAY"),
        workdays: count("WORKDAY"),
        officialAvailable: Object.hasOwn(CN_OFFICIAL_SCHEDULES, year),
      };
    });
}

/** One year: its publication and every holiday / adjusted working day, by date. */
export async function getCalendarYear(db: PrismaClient, year: number): Promise<TCalendarYearDetail> {
  const [row, days] = await Promise.all([
    db.calendarYear.findUnique({ where: { year }, select: { source: true, publishedAt: true } }),
    db.calendarDay.findMany({
      where: { date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
      orderBy: { date: "asc" },
      select: { date: true, kind: true, name: true, updatedBy: { select: { name: true } } },
    }),
  ]);
  return {
    year,
    published: Boolean(row?.publishedAt),
    source: row?.source ?? null,
    publishedAt: row?.publishedAt ?? null,
    holidays: days.filter((d) => d.kind === "HOLIDAY").length,
    workdays: days.filter((d) => d.kind === "WORKDAY").length,
    officialAvailable: Object.hasOwn(CN_OFFICIAL_SCHEDULES, year),
    days: days.map((d) => ({ date: isoOfDateColumn(d.date), kind: d.kind, name: d.name, updatedByName: d.updatedBy?.name ?? null })),
  };
}
