import { z } from "zod";

/**
 * The field rules every input schema shares, so that no text or date reaches the database
 * in a shape it refuses or silently changes: PostgreSQL rejects a NUL character in text
 * (the request then failed as a server error), and `new Date("2027-02-30")` rolls over to
 * 2 March instead of failing. Field error codes: "badCharacters", "badDate" (each has a
 * shared message under errors.codes; a form may word them its own way). Pure: zod only.
 */

// C0 controls except tab, line feed and carriage return (a textarea posts CR LF), DEL
// and the C1 controls: nothing a person types, and NUL is refused by PostgreSQL. Also
// half of a UTF-16 surrogate pair (\p{Cs} matches only unpaired ones in a /u pattern): it
// is no character at all, and PostgreSQL's jsonb refuses it, so the audit entry of an
// otherwise valid change failed.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cs}]/u;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

export type TYearRange = { minYear: number; maxYear: number };

/** Years a date of this portal can sensibly fall in (and a PostgreSQL date column keeps exactly). */
export const DEFAULT_YEARS: TYearRange = Object.freeze({ minYear: 1900, maxYear: 2100 });

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" naming a day that exists (no 2027-02-30, no 9999-99-99) within `years`. */
export function isCalendarDay(value: string, years: TYearRange = DEFAULT_YEARS): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < years.minYear || year > years.maxYear) return false;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value;
}

/** A text field: any string without control characters; chain .trim(), .min(), .max() as usual. */
export function zPlainText(params?: { message?: string }) {
  return z.string(params).refine((value) => !hasControlCharacters(value), { message: "badCharacters", abort: true });
}

/** A day "YYYY-MM-DD" that exists in the calendar (see isCalendarDay). */
export function zCalendarDay(message = "badDate", years: TYearRange = DEFAULT_YEARS) {
  return z.string({ message }).refine((value) => isCalendarDay(value, years), { message });
}

/**
 * Every field of a posted form (or plain object) whose text holds a control character,
 * as field errors: the check a server action runs on its raw input whatever its schema
 * says, so a field that forgot the shared helper cannot reach the database with a NUL.
 */
export function controlCharacterFields(input: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (value: unknown, path: string, depth: number) => {
    if (depth > 8) return;
    if (typeof value === "string") {
      if (hasControlCharacters(value)) found[path] ??= "badCharacters";
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, path ? `${path}.${i}` : String(i), depth + 1));
    } else if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key, depth + 1);
    }
  };
  walk(input, "", 0);
  return found;
}

// ───────────── the field builders the modules' input schemas share ─────────────
// Their error codes are message keys each module words in its own namespace
// (<module>.errors.<code>) or the shared codes.

/** The id of a record the form acts on: a uuid, else the record is "notFound". */
export const zEntityId = z.string().uuid({ message: "notFound" });

/** The version a form was loaded at (optimistic concurrency). */
export const zVersion = z.coerce.number().int().min(0);

/** A programme year from a form field (2000–2100), else "invalid". */
export const zYear = z.coerce
  .number({ message: "invalid" })
  .int({ message: "invalid" })
  .min(2000, { message: "invalid" })
  .max(2100, { message: "invalid" });

/** A quarter from a form field (1–4), else "invalid". */
export const zQuarter = z.coerce
  .number({ message: "invalid" })
  .int({ message: "invalid" })
  .min(1, { message: "invalid" })
  .max(4, { message: "invalid" })
  .transform((q) => q as 1 | 2 | 3 | 4);

/** Trimmed text of at most `max` characters (an empty string allowed). */
export function zText(max: number) {
  return zPlainText().trim().max(max, { message: "tooLong" });
}

/** Trimmed text of 1 to `max` characters. */
export function zRequiredText(max: number) {
  return zText(max).min(1, { message: "required" });
}

/** Trimmed text of at most `max` characters; left out or empty: null. */
export function zOptionalText(max: number) {
  return zText(max)
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : v));
}

/** Record ids from checkboxes, at most `max`: a form sends one checked box as a string and several as an array. */
export function zIdList(max: number) {
  return z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(zEntityId).max(max, { message: "tooMany" }),
  );
}
