/**
 * The tabs of the supervision queue (督办) and what each holds, shared by the queue's
 * pages (list-supervision-queue.ts) and its counts (count-supervision-tabs.ts):
 *   supervision  — ESCALATED items, items passed to another bank (still unanswered), and
 *                  running items past their deadline (now > dueAt, not answered);
 *   disputes     — returns the enterprise contests (RETURNED with returnDisputedAt);
 *   withdrawals  — withdrawals after an answer nobody has checked yet;
 *   bulletin     — items put on the quarterly bulletin during the current quarter.
 * Only the finance office and the central bank see the queue (both read every submitted
 * item).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { EscalationReason, RequestStatus } from "@/lib/generated/prisma/enums";
import { canActor, type TActor } from "@/lib/auth/permissions";
import type { TQuarter } from "@/lib/requests/quarter";

export const SUPERVISION_TABS = ["supervision", "disputes", "withdrawals", "bulletin"] as const;
export type TSupervisionTab = (typeof SUPERVISION_TABS)[number];

export function isSupervisionTab(value: unknown): value is TSupervisionTab {
  return typeof value === "string" && (SUPERVISION_TABS as readonly string[]).includes(value);
}

export function maySeeSupervisionQueue(actor: TActor): boolean {
  return canActor(actor, "supervision.read");
}

export const RUNNING_STATUSES: RequestStatus[] = [RequestStatus.FORWARDED, RequestStatus.SIGNED, RequestStatus.ESCALATED];

/**
 * The supervision tab as a union of one branch per state: every escalated item, and the
 * forwarded or signed items not yet answered that are past their deadline or were passed
 * to another bank. One state per branch, so each is an equality on the index that leads
 * with the state and reads in the tab's order (the queue merges the branches' pages).
 */
export function supervisionBranches(now: Date): Prisma.RequestWhereInput[] {
  const lateOrPassed = { answeredAt: null, OR: [{ dueAt: { lt: now } }, { escalationReason: EscalationReason.PASSED }] };
  return [
    { status: RequestStatus.ESCALATED },
    { status: RequestStatus.FORWARDED, ...lateOrPassed },
    { status: RequestStatus.SIGNED, ...lateOrPassed },
  ];
}

export function supervisionTabWhere(tab: TSupervisionTab, now: Date, quarter: TQuarter): Prisma.RequestWhereInput {
  switch (tab) {
    case "supervision":
      return { OR: supervisionBranches(now) };
    case "disputes":
      return { status: RequestStatus.RETURNED, returnDisputedAt: { not: null } };
    case "withdrawals":
      return { status: RequestStatus.WITHDRAWN, withdrawnAfterAnswer: true, withdrawalCheckedAt: null };
    case "bulletin":
      // bulletinAt is the time of the item's BULLETIN ledger entry (set in the same statement).
      return { inBulletin: true, bulletinAt: { gte: quarter.start, lt: quarter.end } };
  }
}
