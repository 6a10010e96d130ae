/**
 * What a DEADLINE_RECOMPUTED ledger entry tells a person: the reply deadline (or, with
 * content `deadline: "parkReview"`, the park review deadline) moved from one day to
 * another, because of which change to the working-day calendar. Read from the
 * entry's content as recomputeDeadlines writes it (previousDueAt, dueAt, and the reason
 * the calendar mutations give); anything missing or malformed yields null, and the
 * timeline falls back to its generic lines. Pure: the translator and the date formatter
 * come in as arguments.
 */
import type { TTranslate } from "@/lib/i18n/translator";

export type TRecomputeCause =
  | { change: "dayAdded" | "dayRemoved"; date: string; kind: "HOLIDAY" | "WORKDAY" | "other"; name: string }
  | { change: "yearPublished" | "officialLoaded"; year: number }
  | { change: "unknown" };

export type TDeadlineRecompute = { previousDueAt: Date; dueAt: Date; cause: TRecomputeCause; parkReview?: true };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readDeadlineRecompute(content: unknown): TDeadlineRecompute | null {
  const record = asRecord(content);
  if (!record) return null;
  const previousDueAt = asDate(record.previousDueAt);
  const dueAt = asDate(record.dueAt);
  if (!previousDueAt || !dueAt) return null;
  const note: TDeadlineRecompute = { previousDueAt, dueAt, cause: causeOf(asRecord(record.reason)) };
  return record.deadline === "parkReview" ? { ...note, parkReview: true } : note;
}

function causeOf(reason: Record<string, unknown> | null): TRecomputeCause {
  const change = typeof reason?.change === "string" ? reason.change.replace(/^calendar\./, "") : null;
  if ((change === "dayAdded" || change === "dayRemoved") && typeof reason?.date === "string" && ISO_DAY.test(reason.date)) {
    const kind = reason.kind === "HOLIDAY" || reason.kind === "WORKDAY" ? reason.kind : "other";
    return { change, date: reason.date, kind, name: typeof reason.name === "string" ? reason.name.trim() : "" };
  }
  if ((change === "yearPublished" || change === "officialLoaded") && typeof reason?.year === "number") return { change, year: reason.year };
  return { change: "unknown" };
}

/**
 * The two lines the timeline shows, translated with `t` (the "requestDetail" namespace):
 * "答复期限由 2026年12月8日 调整为 2026年12月9日" and the calendar change behind it.
 * `day` formats a deadline (a moment) or a calendar day ("YYYY-MM-DD", a Shanghai day) for people.
 */
export function describeDeadlineRecompute(note: TDeadlineRecompute, t: TTranslate, day: (date: Date) => string): string[] {
  const moved = t(note.parkReview ? "deadlineRecompute.movedParkReview" : "deadlineRecompute.moved", {
    from: day(note.previousDueAt),
    to: day(note.dueAt),
  });
  const cause = note.cause;
  if (cause.change === "dayAdded" || cause.change === "dayRemoved") {
    // Noon in Shanghai of that day, so formatting it in Asia/Shanghai gives the day itself.
    const date = day(new Date(`${cause.date}T12:00:00+08:00`));
    const key = `deadlineRecompute.${cause.change}${cause.name ? "Named" : ""}`;
    return [moved, t(key, { date, kind: cause.kind, name: cause.name })];
  }
  if (cause.change === "yearPublished" || cause.change === "officialLoaded")
    return [moved, t(`deadlineRecompute.${cause.change}`, { year: String(cause.year) })];
  return [moved, t("deadlineRecompute.unknown")];
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function asDate(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
