/**
 * Park visit rules that need no database: who sees which visits, whether the leader is the
 * bank's first responsible person, which side confirms, a matrix cell's state and when the
 * half-year's reminder is due. Pure.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { areaOfRole } from "@/lib/auth/areas";
import { bankCoverage, nothing, type TScopeContext } from "@/lib/auth/scopes";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import type { THalfYear } from "@/lib/dashboard/park-visits";

/**
 * Visits the actor may see: the finance office and the central bank every one; a park its
 * own park's; a bank those it led (its own bank or a branch it covers).
 */
export function visitScope(actor: TActor, ctx: TScopeContext = {}): Prisma.ParkVisitWhereInput {
  if (!canActor(actor, "visits.read")) return nothing();
  switch (areaOfRole(actor.role)) {
    case "finance":
    case "pbc":
      return {};
    case "bank": {
      const ids = bankCoverage(actor, ctx.bankOrgIds);
      return ids.length > 0 ? { bankOrgId: { in: ids } } : nothing();
    }
    case "park":
      return ctx.parkId ? { parkId: ctx.parkId } : nothing();
    default:
      return nothing();
  }
}

/** Names compared as people write them: spaces (half- and full-width) do not count. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
  return norm(a) === norm(b);
}

/**
 * A leader other than the first responsible person on file for the visit day is flagged;
 * so is any leader when the bank has filed no first responsible person (nothing to check).
 */
export function leaderMismatch(leaderName: string, expected: string | null): boolean {
  return expected === null || !sameName(leaderName, expected);
}

/** The side that confirms: the bank when the park recorded it, the park when the bank did. */
export function confirmingSide(recordedByKind: OrgKind | null): "bank" | "park" | null {
  if (recordedByKind === OrgKind.PARK) return "bank";
  if (recordedByKind === OrgKind.BANK) return "park";
  return null;
}

export type TVisitCellState = "visited" | "flagged" | "pending" | "notVisited";

/**
 * One park × bank cell of the half-year: visited (a confirmed visit led by the first
 * responsible person), flagged (confirmed, but led by someone else), pending (recorded,
 * not yet confirmed), not visited. A clean confirmed visit outranks a flagged one.
 */
export function visitCellState(counts: { visited: number; flagged: number; pending: number }): TVisitCellState {
  if (counts.visited > 0) return "visited";
  if (counts.flagged > 0) return "flagged";
  if (counts.pending > 0) return "pending";
  return "notVisited";
}

/**
 * The reminder goes out from the first day of the half-year's last month (1 June,
 * 1 December), about one month before it ends, until its last day.
 */
export function visitReminderOpen(half: THalfYear, now: Date): boolean {
  const today = shanghaiDateString(now);
  const from = `${half.year}-${half.half === 1 ? "06" : "12"}-01`;
  return today >= from && today <= half.lastDay;
}

/** The half-year label used in keys and files, e.g. "2026H1". */
export function halfYearKey(half: THalfYear): string {
  return `${half.year}H${half.half}`;
}
