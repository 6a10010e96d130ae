/**
 * The supervision queue (督办) of the finance office and the central bank branch, in four
 * tabs:
 *   supervision  — ESCALATED items, items passed to another bank (still unanswered), and
 *                  running items past their deadline (now > dueAt, not answered);
 *   disputes     — returns the enterprise contests (RETURNED with returnDisputedAt);
 *   withdrawals  — withdrawals after an answer nobody has checked yet;
 *   bulletin     — items put on the quarterly bulletin during the current quarter.
 * Counts for every tab, one page of the chosen tab.
 *
 * Only the finance office and the central bank see it (both read every submitted item):
 * for anyone else — banks, parks, enterprises, an incoherent actor — the query answers
 * an empty queue with zero counts, as a scope that matches nothing would
 * (`maySeeSupervisionQueue` tells a page to answer "not found" instead).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import {
  AnswerKind, EscalationReason, LedgerAction, RequestStatus, RequestType,
} from "@/lib/generated/prisma/enums";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { requestScope } from "@/lib/auth/scopes";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { countSupervisionTabs } from "@/lib/read-models/queries/count-supervision-tabs";
import { deadlineState, type TDeadlineState } from "../deadline-state";
import { pageCount, pageWindows } from "../inbox-order";
import { shanghaiQuarter, type TQuarter } from "../quarter";

export const SUPERVISION_TABS = ["supervision", "disputes", "withdrawals", "bulletin"] as const;
export type TSupervisionTab = (typeof SUPERVISION_TABS)[number];
export const SUPERVISION_PAGE_SIZE = 20;

export function isSupervisionTab(value: unknown): value is TSupervisionTab {
  return typeof value === "string" && (SUPERVISION_TABS as readonly string[]).includes(value);
}

export function maySeeSupervisionQueue(actor: TActor): boolean {
  return canActor(actor, "supervision.read");
}

export type TSupervisionItem = {
  id: string;
  serial: string;
  title: string;
  type: RequestType;
  status: RequestStatus;
  enterpriseName: string;
  parkName: string;
  bankName: string | null;
  dueAt: Date | null;
  dueProvisional: boolean;
  escalatedAt: Date | null;
  escalationReason: EscalationReason | null;
  remindedAt: Date | null;
  inBulletin: boolean;
  answerKind: AnswerKind | null;
  returnReason: string | null;
  returnDisputedAt: Date | null;
  returnDisputeNote: string | null;
  /** Running and past dueAt: the colour and working days overdue (negative workingDaysLeft). */
  deadline: TDeadlineState | null;
  daysOverdue: number | null;
  /** When it went on the bulletin (bulletin tab) or was withdrawn (withdrawals tab). */
  eventAt: Date | null;
};

export type TSupervisionQueue = {
  tab: TSupervisionTab;
  quarter: TQuarter;
  counts: Record<TSupervisionTab, number>;
  items: TSupervisionItem[];
  total: number;
  page: number;
  pages: number;
};

export type TSupervisionOptions = { tab?: TSupervisionTab; page?: number; pageSize?: number; now?: Date; calendar?: WorkingCalendar };

const RUNNING: RequestStatus[] = [RequestStatus.FORWARDED, RequestStatus.SIGNED, RequestStatus.ESCALATED];

function tabWhere(tab: TSupervisionTab, now: Date, quarter: TQuarter): Prisma.RequestWhereInput {
  switch (tab) {
    case "supervision":
      return {
        OR: [
          { status: RequestStatus.ESCALATED },
          { status: { in: RUNNING }, answeredAt: null, dueAt: { lt: now } },
          { status: { in: RUNNING }, answeredAt: null, escalationReason: EscalationReason.PASSED },
        ],
      };
    case "disputes":
      return { status: RequestStatus.RETURNED, returnDisputedAt: { not: null } };
    case "withdrawals":
      return { status: RequestStatus.WITHDRAWN, withdrawnAfterAnswer: true, withdrawalCheckedAt: null };
    case "bulletin":
      return { inBulletin: true, ledger: { some: { action: LedgerAction.BULLETIN, occurredAt: { gte: quarter.start, lt: quarter.end } } } };
  }
}

const ORDER: Record<TSupervisionTab, Prisma.RequestOrderByWithRelationInput[]> = {
  supervision: [{ dueAt: { sort: "asc", nulls: "last" } }, { escalatedAt: { sort: "asc", nulls: "last" } }, { serial: "asc" }],
  disputes: [{ returnDisputedAt: "asc" }, { serial: "asc" }],
  withdrawals: [{ updatedAt: "asc" }, { serial: "asc" }],
  bulletin: [{ serial: "asc" }],
};

const EVENT_OF_TAB: Partial<Record<TSupervisionTab, LedgerAction>> = { bulletin: LedgerAction.BULLETIN, withdrawals: LedgerAction.WITHDRAW };

export async function listSupervisionQueue(db: PrismaClient, user: TActorSource, options: TSupervisionOptions = {}): Promise<TSupervisionQueue> {
  const now = options.now ?? new Date();
  const tab = options.tab ?? "supervision";
  const page = options.page ?? 1;
  const pageSize = options.pageSize ?? SUPERVISION_PAGE_SIZE;
  const quarter = shanghaiQuarter(now);
  const actor = actorOf(user);
  const counts = { supervision: 0, disputes: 0, withdrawals: 0, bulletin: 0 };
  if (!maySeeSupervisionQueue(actor)) return { tab, quarter, counts, items: [], total: 0, page, pages: 1 };

  const scope = requestScope(actor);
  const where = (t: TSupervisionTab): Prisma.RequestWhereInput => ({ AND: [scope, tabWhere(t, now, quarter)] });
  Object.assign(counts, await countSupervisionTabs(db, now, quarter));

  const window = pageWindows([counts[tab]], page, pageSize)[0]!;
  const event = EVENT_OF_TAB[tab];
  const [rows, calendar] = await Promise.all([
    window.take === 0
      ? Promise.resolve([])
      : db.request.findMany({
          where: where(tab), orderBy: ORDER[tab], skip: window.skip, take: window.take,
          select: {
            id: true, serial: true, title: true, type: true, status: true, dueAt: true, dueProvisional: true, answeredAt: true,
            escalatedAt: true, escalationReason: true, remindedAt: true, inBulletin: true, answerKind: true,
            returnReason: true, returnDisputedAt: true, returnDisputeNote: true,
            enterprise: { select: { name: true } },
            park: { select: { org: { select: { name: true } } } },
            assignedBank: { select: { name: true } },
            ledger: event ? { where: { action: event }, orderBy: { seq: "desc" }, take: 1, select: { occurredAt: true } } : false,
          },
        }),
    options.calendar ?? loadWorkingCalendar(db),
  ]);

  const items = rows.map((r): TSupervisionItem => {
    const overdue = r.dueAt !== null && r.answeredAt === null && RUNNING.includes(r.status) && now > r.dueAt;
    const deadline = overdue && r.dueAt ? deadlineState(r.dueAt, now, calendar) : null;
    return {
      id: r.id, serial: r.serial, title: r.title, type: r.type, status: r.status,
      enterpriseName: r.enterprise.name, parkName: r.park.org.name, bankName: r.assignedBank?.name ?? null,
      dueAt: r.dueAt, dueProvisional: r.dueProvisional, escalatedAt: r.escalatedAt, escalationReason: r.escalationReason,
      remindedAt: r.remindedAt, inBulletin: r.inBulletin, answerKind: r.answerKind,
      returnReason: r.returnReason, returnDisputedAt: r.returnDisputedAt, returnDisputeNote: r.returnDisputeNote,
      deadline, daysOverdue: deadline ? -deadline.workingDaysLeft : null,
      eventAt: (r as { ledger?: { occurredAt: Date }[] }).ledger?.[0]?.occurredAt ?? null,
    };
  });
  return { tab, quarter, counts, items, total: counts[tab], page, pages: pageCount(counts[tab], pageSize) };
}
