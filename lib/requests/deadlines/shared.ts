/** What the deadline scan's steps share: the transaction type, the statuses, recipients. */
import type { Prisma } from "@/lib/generated/prisma/client";
import { RequestStatus } from "@/lib/generated/prisma/enums";

export type TTx = Prisma.TransactionClient;

/** A reply deadline is running (see lib/requests/mutations/recompute-deadlines.ts). */
export const RUNNING = [RequestStatus.FORWARDED, RequestStatus.SIGNED, RequestStatus.ESCALATED] as const;
/** May still escalate for being overdue (an ESCALATED item already is in supervision). */
export const ESCALATABLE = [RequestStatus.FORWARDED, RequestStatus.SIGNED] as const;

export const ROWS_PER_STATEMENT = 5000;

export function requestLink(id: string): string {
  return `/requests/${id}`;
}

/** The supervisors: every active finance office and central bank organization. */
export async function supervisorOrgIds(tx: TTx): Promise<string[]> {
  const rows = await tx.organization.findMany({
    where: { active: true, kind: { in: ["FINANCE_OFFICE", "CENTRAL_BANK"] } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** How many distinct events got at least one new notification. */
export function eventsNotified(created: readonly { eventKey: string }[]): number {
  return new Set(created.map((c) => c.eventKey)).size;
}
