import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RequestStatus, type RequestType } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing, requestScope } from "@/lib/auth/scopes";
import { REQUEST_PAGE_SIZE } from "../list-filters";

export type TParkQueueRow = {
  id: string;
  serial: string;
  type: RequestType;
  title: string;
  amountFen: string | null;
  enterpriseName: string;
  submittedAt: Date | null;
};

export type TParkQueue = { rows: TParkQueueRow[]; total: number; page: number; pageSize: number };

/**
 * The park window's review queue: its park's SUBMITTED items, oldest submission first
 * (first come, first served). Only for those who may forward; scoped to the actor's park.
 */
export async function listParkQueue(db: PrismaClient, actor: TActorSource, page: number): Promise<TParkQueue> {
  const empty = { rows: [], total: 0, page: 1, pageSize: REQUEST_PAGE_SIZE };
  if (!canActor(actorOf(actor), "requests.forward")) return empty;
  const scope = requestScope(actorOf(actor), await loadScopeContext(db, actor));
  if (isNothing(scope)) return empty;
  const where = { AND: [scope, { status: RequestStatus.SUBMITTED }] };
  const total = await db.request.count({ where });
  if (total === 0) return empty;
  const current = Math.min(Math.max(1, page), Math.ceil(total / REQUEST_PAGE_SIZE));
  const rows = await db.request.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    skip: (current - 1) * REQUEST_PAGE_SIZE,
    take: REQUEST_PAGE_SIZE,
    select: { id: true, serial: true, type: true, title: true, amountFen: true, submittedAt: true, enterprise: { select: { name: true } } },
  });
  return {
    rows: rows.map((r) => ({
      id: r.id, serial: r.serial, type: r.type, title: r.title, amountFen: r.amountFen?.toString() ?? null,
      enterpriseName: r.enterprise.name, submittedAt: r.submittedAt,
    })),
    total,
    page: current,
    pageSize: REQUEST_PAGE_SIZE,
  };
}
