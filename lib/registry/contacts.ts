import { shanghaiDateString, workingDaysBetween, type WorkingCalendar } from "@/lib/calendar/working-days";

// Bank contacts (《益阳市金融纾困民营和小微企业“两进两促”行动工作方案》 二（二）3, 明确联络方式): the bank president is the first responsible person, the
// credit vice-president the second; a contact department and a liaison are named; a
// change must be filed within 3 working days of taking effect. Each change is a new row;
// nothing is overwritten. Pure: no I/O.

/** Working days a change may take to be filed. */
export const CONTACT_FILING_WORKING_DAYS = 3;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The effective date as stored (@db.Date: UTC midnight of that calendar day). */
export function effectiveDate(iso: string): Date {
  if (!ISO_DATE.test(iso)) throw new RangeError(`effectiveDate: expected YYYY-MM-DD, got ${JSON.stringify(iso)}`);
  const d = new Date(`${iso}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw new RangeError(`effectiveDate: no such day ${iso}`);
  return d;
}

/**
 * Working days from the day the change took effect to the day it was filed: the
 * effective day itself does not count, the filing day does (a change effective on
 * Monday and filed on Thursday is 3 working days). Filed before it took effect: 0.
 */
export function filingDelay(effectiveOn: Date, filedAt: Date, calendar: WorkingCalendar): number {
  // effectiveOn is a calendar date (UTC midnight = 08:00 that day in Shanghai), so its
  // Shanghai day is the date itself.
  return Math.max(0, workingDaysBetween(effectiveOn, filedAt, calendar));
}

/** Filed more than 3 working days after it took effect. */
export function isFiledLate(effectiveOn: Date, filedAt: Date, calendar: WorkingCalendar): boolean {
  return filingDelay(effectiveOn, filedAt, calendar) > CONTACT_FILING_WORKING_DAYS;
}

export type TContactStamp = { id: string; effectiveOn: Date; filedAt: Date };

/**
 * The contact in force on `now`'s Shanghai day: the latest that has taken effect (the
 * later filing wins a tie, it corrects the earlier one). Null when none has.
 */
export function currentContact<T extends TContactStamp>(rows: readonly T[], now: Date): T | null {
  const today = shanghaiDateString(now);
  let best: T | null = null;
  for (const r of rows) {
    if (r.effectiveOn.toISOString().slice(0, 10) > today) continue;
    if (
      !best ||
      r.effectiveOn.getTime() > best.effectiveOn.getTime() ||
      (r.effectiveOn.getTime() === best.effectiveOn.getTime() && r.filedAt.getTime() > best.filedAt.getTime())
    ) {
      best = r;
    }
  }
  return best;
}

/** How far ahead a change may be filed before it takes effect. */
export const CONTACT_MAX_DAYS_AHEAD = 90;
