/**
 * Matching event rules that need no database: who sees which events, who manages one, the
 * instant a Beijing day and time stand for, and whether registration is still open. Pure.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { MatchEventStatus, OrgKind } from "@/lib/generated/prisma/enums";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { nothing, type TScopeContext } from "@/lib/auth/scopes";

/**
 * Events the actor may see: the offices and banks every one (banks are invited to any);
 * a park window and an enterprise the city-wide ones and their own park's.
 */
export function eventScope(actor: TActor, ctx: TScopeContext = {}, parkIdOfEnterprise: string | null = null): Prisma.MatchEventWhereInput {
  if (!canActor(actor, "events.read")) return nothing();
  switch (actor.orgKind) {
    case OrgKind.FINANCE_OFFICE:
    case OrgKind.CENTRAL_BANK:
    case OrgKind.BANK:
      return {};
    case OrgKind.PARK:
      return ctx.parkId ? { OR: [{ parkId: null }, { parkId: ctx.parkId }] } : { parkId: null };
    case OrgKind.ENTERPRISE:
      return parkIdOfEnterprise ? { OR: [{ parkId: null }, { parkId: parkIdOfEnterprise }] } : { parkId: null };
    default:
      return nothing();
  }
}

/**
 * Who runs an event (attendance, cancellation): the organising organization, and the
 * finance office for any event (it runs the program and stands in for an absent organiser).
 */
export function mayManageEvent(actor: TActor, event: { organiserOrgId: string }): boolean {
  if (!canActor(actor, "events.manage")) return false;
  return actor.orgKind === OrgKind.FINANCE_OFFICE || event.organiserOrgId === actor.orgId;
}

/** A Beijing calendar day and clock time as the UTC instant stored. */
export function beijingInstant(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+08:00`);
}

/** Registration is open while the event is published and has not started. */
export function registrationOpen(event: { status: MatchEventStatus; startsAt: Date }, now: Date): boolean {
  return event.status === MatchEventStatus.OPEN && event.startsAt.getTime() > now.getTime();
}

/** The list's state of an event: open, full, waiting for its attendance, held, cancelled. */
export type TEventPhase = "open" | "full" | "awaitingAttendance" | "held" | "cancelled";

export function eventPhase(
  event: { status: MatchEventStatus; startsAt: Date; capacity: number; registeredCount: number },
  now: Date,
): TEventPhase {
  if (event.status === MatchEventStatus.CANCELLED) return "cancelled";
  if (event.status === MatchEventStatus.HELD) return "held";
  if (event.startsAt.getTime() <= now.getTime()) return "awaitingAttendance";
  return event.registeredCount >= event.capacity ? "full" : "open";
}

/** The Beijing calendar quarter holding `now`, as UTC instants [from, to), and its name. */
export function quarterOf(now: Date): { year: number; quarter: number; from: Date; to: Date } {
  const beijing = new Date(now.getTime() + 8 * 3_600_000);
  const year = beijing.getUTCFullYear();
  const quarter = Math.floor(beijing.getUTCMonth() / 3) + 1;
  const month = (m: number) => String(m).padStart(2, "0");
  const from = new Date(`${year}-${month((quarter - 1) * 3 + 1)}-01T00:00:00+08:00`);
  const to = quarter === 4 ? new Date(`${year + 1}-01-01T00:00:00+08:00`) : new Date(`${year}-${month(quarter * 3 + 1)}-01T00:00:00+08:00`);
  return { year, quarter, from, to };
}
