/**
 * Counts of items by state, in the workflow's order (draft → … → withdrawn), every state
 * listed even at zero so the dashboard's layout does not jump. Pure.
 */
import { RequestStatus } from "@/lib/generated/prisma/enums";

export type TStatusCount = { status: RequestStatus; count: number };

export const STATUS_ORDER: readonly RequestStatus[] = Object.values(RequestStatus);

export function statusCounts(rows: readonly TStatusCount[], statuses: readonly RequestStatus[] = STATUS_ORDER): TStatusCount[] {
  const byStatus = new Map<RequestStatus, number>();
  for (const r of rows) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.count);
  return statuses.map((status) => ({ status, count: byStatus.get(status) ?? 0 }));
}

/** The request list filtered to one state (lib/requests/list-filters.ts reads `status`). */
export function requestListHref(status: RequestStatus): string {
  return `/requests?${new URLSearchParams({ status }).toString()}`;
}
