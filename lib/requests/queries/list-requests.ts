import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing, requestScope } from "@/lib/auth/scopes";
import { REQUEST_PAGE_SIZE, type TRequestListFilters } from "../list-filters";
import { RUNNING_DEADLINE_STATUSES } from "../mutations/recompute-deadlines";

export type TRequestListRow = {
  id: string;
  serial: string;
  type: RequestType;
  status: RequestStatus;
  title: string;
  amountFen: string | null;
  enterpriseName: string;
  parkName: string;
  assignedBankName: string | null;
  submittedAt: Date | null;
  dueAt: Date | null;
  answeredAt: Date | null;
  updatedAt: Date;
};

export type TRequestList = { rows: TRequestListRow[]; total: number; page: number; pageSize: number };

/**
 * One page of the items the actor may see (requestScope: the enterprise its own with
 * drafts, the park its park's, a bank what is assigned or copied to it, the finance
 * office and central bank everything submitted), newest change first, filtered by
 * status, type and a search in serial or title.
 */
export async function listRequests(db: PrismaClient, actor: TActorSource, filters: TRequestListFilters, now: Date = new Date()): Promise<TRequestList> {
  const scope = requestScope(actorOf(actor), await loadScopeContext(db, actor));
  const empty = { rows: [], total: 0, page: 1, pageSize: REQUEST_PAGE_SIZE };
  if (isNothing(scope)) return empty;
  const where: Prisma.RequestWhereInput = {
    AND: [
      scope,
      filters.status ? { status: filters.status } : {},
      filters.type ? { type: filters.type } : {},
      filters.q
        ? { OR: [{ serial: { contains: filters.q, mode: "insensitive" } }, { title: { contains: filters.q, mode: "insensitive" } }] }
        : {},
      // Narrowing filters only: the scope above still decides what may be seen.
      filters.bank
        ? { OR: [{ assignedBankId: filters.bank }, { assignedBank: { parentId: filters.bank } }, { assignedBank: { parent: { parentId: filters.bank } } }] }
        : {},
      filters.park ? { parkId: filters.park } : {},
      filters.overdue ? { status: { in: [...RUNNING_DEADLINE_STATUSES] }, answeredAt: null, dueAt: { lt: now } } : {},
    ],
  };
  const total = await db.request.count({ where });
  if (total === 0) return empty;
  const pages = Math.max(1, Math.ceil(total / REQUEST_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = await db.request.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * REQUEST_PAGE_SIZE,
    take: REQUEST_PAGE_SIZE,
    select: {
      id: true, serial: true, type: true, status: true, title: true, amountFen: true, submittedAt: true, dueAt: true, answeredAt: true, updatedAt: true,
      enterprise: { select: { name: true } },
      park: { select: { org: { select: { name: true, shortName: true } } } },
      assignedBank: { select: { name: true } },
    },
  });
  return {
    rows: rows.map((r) => ({
      id: r.id, serial: r.serial, type: r.type, status: r.status, title: r.title, amountFen: r.amountFen?.toString() ?? null,
      enterpriseName: r.enterprise.name, parkName: r.park.org.shortName ?? r.park.org.name, assignedBankName: r.assignedBank?.name ?? null,
      submittedAt: r.submittedAt, dueAt: r.dueAt, answeredAt: r.answeredAt, updatedAt: r.updatedAt,
    })),
    total,
    page,
    pageSize: REQUEST_PAGE_SIZE,
  };
}
