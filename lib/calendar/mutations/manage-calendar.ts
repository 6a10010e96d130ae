/**
 * Changes to the working-day calendar (/calendar, permission "calendar.manage"). Each runs
 * in one transaction that (1) takes the calendar lock, (2) changes CalendarDay /
 * CalendarYear, (3) recomputes the reply deadline of every open request the change
 * touches (lib/requests/mutations/recompute-deadlines.ts, ledger entries included) and
 * (4) writes the audit entry — all or nothing.
 */

import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { CalendarDayKind } from "@/lib/generated/prisma/enums";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { CN_OFFICIAL_SCHEDULES } from "@/lib/calendar/cn-official";
import {
  dateColumn,
  isCalendarIso,
  isWeekendIso,
  type TAddCalendarDayInput,
  type TLoadOfficialYearInput,
  type TPublishCalendarYearInput,
  type TRemoveCalendarDayInput,
} from "@/lib/calendar/schemas";
import { AppError } from "@/lib/errors";
import { recomputeDeadlines, type TRecomputeResult } from "@/lib/requests/mutations/recompute-deadlines";
import { lockCalendarForChange } from "./calendar-lock";

type TTx = Prisma.TransactionClient;
type TCalendarActor = { userId: string; orgId: string };

// Recomputing touches every open request of a year when one is published: give it time.
const TX_OPTIONS = { maxWait: 15_000, timeout: 300_000 } as const;

export type TCalendarChangeResult = { recompute: TRecomputeResult };

function actorFields(actor: TCalendarActor, meta: TRequestMeta) {
  return { actorUserId: actor.userId, actorOrgId: actor.orgId, ip: meta.ip, userAgent: meta.userAgent };
}

function recomputeSummary(r: TRecomputeResult) {
  return { candidates: r.candidates, dueChanged: r.dueChanged, provisionalChanged: r.provisionalChanged };
}

/** Adds a holiday or an adjusted working day. Errors: badDate, workdayNotWeekend, duplicateDay (field "date"). */
export async function addCalendarDay(
  db: PrismaClient,
  actor: TCalendarActor,
  input: TAddCalendarDayInput,
  meta: TRequestMeta,
): Promise<TCalendarChangeResult> {
  if (!isCalendarIso(input.date)) throw new AppError("invalidInput", { date: "badDate" });
  if (input.kind === CalendarDayKind.WORKDAY && !isWeekendIso(input.date))
    throw new AppError("invalidInput", { date: "workdayNotWeekend" });
  const name = input.name.trim();
  return db.$transaction(async (tx) => {
    await lockCalendarForChange(tx);
    const existing = await tx.calendarDay.findUnique({ where: { date: dateColumn(input.date) }, select: { kind: true } });
    if (existing) throw new AppError("invalidInput", { date: "duplicateDay" });
    await tx.calendarDay.create({ data: { date: dateColumn(input.date), kind: input.kind, name, updatedById: actor.userId } });
    const recompute = await recomputeDeadlines(tx, {
      from: input.date,
      to: input.date,
      reason: { change: "calendar.dayAdded", date: input.date, kind: input.kind, name },
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
    });
    await writeAudit(tx, {
      action: "calendar.dayAdded",
      ...actorFields(actor, meta),
      targetType: "CalendarDay",
      targetId: input.date,
      details: { date: input.date, kind: input.kind, name, recompute: recomputeSummary(recompute) },
    });
    return { recompute };
  }, TX_OPTIONS);
}

/** Removes a holiday or an adjusted working day. Errors: dayNotFound. */
export async function removeCalendarDay(
  db: PrismaClient,
  actor: TCalendarActor,
  input: TRemoveCalendarDayInput,
  meta: TRequestMeta,
): Promise<TCalendarChangeResult> {
  if (!isCalendarIso(input.date)) throw new AppError("invalidInput", { date: "badDate" });
  return db.$transaction(async (tx) => {
    await lockCalendarForChange(tx);
    const existing = await tx.calendarDay.findUnique({ where: { date: dateColumn(input.date) }, select: { kind: true, name: true } });
    if (!existing) throw new AppError("dayNotFound");
    await tx.calendarDay.delete({ where: { date: dateColumn(input.date) } });
    const recompute = await recomputeDeadlines(tx, {
      from: input.date,
      to: input.date,
      reason: { change: "calendar.dayRemoved", date: input.date, kind: existing.kind, name: existing.name },
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
    });
    await writeAudit(tx, {
      action: "calendar.dayRemoved",
      ...actorFields(actor, meta),
      targetType: "CalendarDay",
      targetId: input.date,
      details: { date: input.date, kind: existing.kind, name: existing.name, recompute: recomputeSummary(recompute) },
    });
    return { recompute };
  }, TX_OPTIONS);
}

async function publishYearInTx(
  tx: TTx,
  actor: TCalendarActor,
  year: number,
  source: string,
  meta: TRequestMeta,
  via: string,
): Promise<TRecomputeResult> {
  const before = await tx.calendarYear.findUnique({ where: { year }, select: { source: true, publishedAt: true } });
  const publishedAt = before?.publishedAt ?? new Date();
  await tx.calendarYear.upsert({ where: { year }, create: { year, source, publishedAt }, update: { source, publishedAt } });
  const recompute = await recomputeDeadlines(tx, {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    reason: { change: "calendar.yearPublished", year, source },
    actorUserId: actor.userId,
    actorOrgId: actor.orgId,
  });
  await writeAudit(tx, {
    action: "calendar.yearPublished",
    ...actorFields(actor, meta),
    targetType: "CalendarYear",
    targetId: String(year),
    details: {
      year,
      source,
      previousSource: before?.source ?? null,
      wasPublished: Boolean(before?.publishedAt),
      via,
      recompute: recomputeSummary(recompute),
    },
  });
  return recompute;
}

function yearRange(year: number) {
  return { gte: dateColumn(`${year}-01-01`), lte: dateColumn(`${year}-12-31`) };
}

/**
 * Marks a year's schedule published (source = the notice's 文号). A year already published
 * keeps its publication time; its source may be corrected. Errors: noDaysInYear (a
 * schedule without a single holiday is not a schedule).
 */
export async function publishCalendarYear(
  db: PrismaClient,
  actor: TCalendarActor,
  input: TPublishCalendarYearInput,
  meta: TRequestMeta,
): Promise<TCalendarChangeResult> {
  const source = input.source.trim();
  return db.$transaction(async (tx) => {
    await lockCalendarForChange(tx);
    const holidays = await tx.calendarDay.count({ where: { kind: CalendarDayKind.HOLIDAY, date: yearRange(input.year) } });
    if (holidays === 0) throw new AppError("noDaysInYear");
    return { recompute: await publishYearInTx(tx, actor, input.year, source, meta, "manual") };
  }, TX_OPTIONS);
}

export type TLoadOfficialResult = TCalendarChangeResult & { added: number; updated: number };

/**
 * Enters a year from our copy of the State Council notice (lib/calendar/cn-official.ts):
 * every official day is added, or corrected when it exists with another kind or name;
 * days entered by hand that the notice does not list are kept. The year is then
 * published with the notice as source. Errors: officialUnavailable.
 */
export async function loadOfficialCalendarYear(
  db: PrismaClient,
  actor: TCalendarActor,
  input: TLoadOfficialYearInput,
  meta: TRequestMeta,
): Promise<TLoadOfficialResult> {
  const schedule = Object.hasOwn(CN_OFFICIAL_SCHEDULES, input.year) ? CN_OFFICIAL_SCHEDULES[input.year] : undefined;
  if (!schedule) throw new AppError("officialUnavailable");
  const official = [
    ...schedule.holidays.map((date) => ({ date, kind: CalendarDayKind.HOLIDAY, name: schedule.names[date] ?? null })),
    ...schedule.workdays.map((date) => ({
      date,
      kind: CalendarDayKind.WORKDAY,
      name: schedule.adjustedFor[date] ? `${schedule.adjustedFor[date]}调休上班` : null,
    })),
  ];
  return db.$transaction(async (tx) => {
    await lockCalendarForChange(tx);
    // A notice may list a day of an adjacent year (a 调休 on 31 December): cover every listed day.
    const dates = official.map((d) => d.date).sort();
    const first = dates[0]! < `${input.year}-01-01` ? dates[0]! : `${input.year}-01-01`;
    const last = dates.at(-1)! > `${input.year}-12-31` ? dates.at(-1)! : `${input.year}-12-31`;
    const existing = new Map(
      (
        await tx.calendarDay.findMany({
          where: { date: { gte: dateColumn(first), lte: dateColumn(last) } },
          select: { date: true, kind: true, name: true },
        })
      ).map((d) => [d.date.toISOString().slice(0, 10), d]),
    );
    let added = 0;
    let updated = 0;
    for (const d of official) {
      const had = existing.get(d.date);
      if (!had) {
        await tx.calendarDay.create({ data: { date: dateColumn(d.date), kind: d.kind, name: d.name, updatedById: actor.userId } });
        added++;
      } else if (had.kind !== d.kind || had.name !== d.name) {
        await tx.calendarDay.update({
          where: { date: dateColumn(d.date) },
          data: { kind: d.kind, name: d.name, updatedById: actor.userId },
        });
        updated++;
      }
    }
    await writeAudit(tx, {
      action: "calendar.officialLoaded",
      ...actorFields(actor, meta),
      targetType: "CalendarYear",
      targetId: String(input.year),
      details: { year: input.year, source: schedule.source, added, updated },
    });
    // Publishing recomputes the whole year, which covers the days just entered; days of an
    // adjacent year are recomputed on their own.
    const recompute = await publishYearInTx(tx, actor, input.year, schedule.source, meta, "official");
    if (added + updated > 0 && (first < `${input.year}-01-01` || last > `${input.year}-12-31`)) {
      const extra = await recomputeDeadlines(tx, {
        from: first,
        to: last,
        reason: { change: "calendar.officialLoaded", year: input.year, source: schedule.source },
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
      });
      recompute.candidates += extra.candidates;
      recompute.dueChanged += extra.dueChanged;
      recompute.provisionalChanged += extra.provisionalChanged;
    }
    return { recompute, added, updated };
  }, TX_OPTIONS);
}
