/** What the deadline scan's steps (lib/requests/mutations/scan-deadlines.ts) share: the statuses, batch size, links. */
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { DEFAULT_RULES } from "@/lib/programs/rules";

/** A reply deadline is running (see lib/requests/mutations/recompute-deadlines.ts). */
export const RUNNING = [RequestStatus.FORWARDED, RequestStatus.SIGNED, RequestStatus.ESCALATED] as const;
/** May still escalate for being overdue (an ESCALATED item already is in supervision). */
export const ESCALATABLE = [RequestStatus.FORWARDED, RequestStatus.SIGNED] as const;

export const ROWS_PER_STATEMENT = 5000;

/** How many days before a loan matures its renewal reminder goes out, unless the program says otherwise. */
export const DEFAULT_RENEWAL_LEAD_DAYS = DEFAULT_RULES.renewalLeadDays;

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Midnight that ends `now`'s Shanghai day: items due before it are due today or overdue. */
export function startOfNextShanghaiDay(now: Date): Date {
  return new Date((Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - SHANGHAI_OFFSET_MS);
}

export function requestLink(id: string): string {
  return `/requests/${id}`;
}

/** How many distinct events got at least one new notification. */
export function eventsNotified(created: readonly { eventKey: string }[]): number {
  return new Set(created.map((c) => c.eventKey)).size;
}
