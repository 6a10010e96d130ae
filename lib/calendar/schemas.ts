import { z } from "zod";
import { isCalendarDay, zPlainText } from "@/lib/validation/fields";
import { CalendarDayKind } from "@/lib/generated/prisma/enums";

// Inputs of the calendar page (/calendar), parsed by its server actions and re-checked by
// the mutations. Every message is a key under "calendar.errors". Pure: no database.

export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

/** A real calendar day "YYYY-MM-DD" between 2000 and 2100 (rejects 2026-02-30). */
export function isCalendarIso(value: string): boolean {
  return isCalendarDay(value, { minYear: CALENDAR_MIN_YEAR, maxYear: CALENDAR_MAX_YEAR });
}

/** Saturday or Sunday. */
export function isWeekendIso(iso: string): boolean {
  const w = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return w === 0 || w === 6;
}

/** For @db.Date columns: UTC midnight of the day. */
export function dateColumn(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

const zDate = z
  .string({ message: "dateRequired" })
  .trim()
  .min(1, { message: "dateRequired" })
  .refine(isCalendarIso, { message: "badDate" });

const zYear = z.coerce
  .number({ message: "badYear" })
  .int({ message: "badYear" })
  .min(CALENDAR_MIN_YEAR, { message: "badYear" })
  .max(CALENDAR_MAX_YEAR, { message: "badYear" });

export const ZAddCalendarDayInput = z
  .object({
    date: zDate,
    kind: z.enum(CalendarDayKind, { message: "kindRequired" }),
    name: zPlainText({ message: "nameRequired" }).trim().min(1, { message: "nameRequired" }).max(40, { message: "tooLong" }),
  })
  .superRefine((v, ctx) => {
    // An adjusted working day (调休上班) on a Monday–Friday is meaningless: a typo.
    if (v.kind === CalendarDayKind.WORKDAY && isCalendarIso(v.date) && !isWeekendIso(v.date)) {
      ctx.addIssue({ code: "custom", path: ["date"], message: "workdayNotWeekend" });
    }
  });
export type TAddCalendarDayInput = z.infer<typeof ZAddCalendarDayInput>;

export const ZRemoveCalendarDayInput = z.object({ date: zDate });
export type TRemoveCalendarDayInput = z.infer<typeof ZRemoveCalendarDayInput>;

export const ZPublishCalendarYearInput = z.object({
  year: zYear,
  source: zPlainText({ message: "sourceRequired" }).trim().min(1, { message: "sourceRequired" }).max(200, { message: "tooLong" }),
});
export type TPublishCalendarYearInput = z.infer<typeof ZPublishCalendarYearInput>;

export const ZLoadOfficialYearInput = z.object({ year: zYear });
export type TLoadOfficialYearInput = z.infer<typeof ZLoadOfficialYearInput>;
