import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { LedgerAction, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { requestScope } from "@/lib/auth/scopes";

export type TRequestDetail = {
  id: string;
  serial: string;
  type: RequestType;
  status: RequestStatus;
  title: string;
  description: string;
  amountFen: string | null;
  enterpriseName: string;
  parkName: string;
  assignedBankName: string | null;
  submittedAt: Date | null;
  dueAt: Date | null;
  timeline: { seq: number; action: LedgerAction; occurredAt: Date; actorName: string | null; note: string | null }[];
};

/**
 * One request with its ledger, as the actor may see it: the scope is in the query, so
 * another tenant's id returns null ("not found"), exactly like an id that does not exist.
 */
export async function getRequestDetail(db: PrismaClient, user: TActorSource, requestId: string): Promise<TRequestDetail | null> {
  const where = requestScope(actorOf(user), await loadScopeContext(db, user));
  const r = await db.request.findFirst({
    where: { AND: [{ id: requestId }, where] },
    select: {
      id: true, serial: true, type: true, status: true, title: true, description: true, amountFen: true,
      submittedAt: true, dueAt: true,
      enterprise: { select: { name: true } },
      park: { select: { org: { select: { name: true } } } },
      assignedBank: { select: { name: true } },
      ledger: {
        orderBy: { seq: "asc" },
        select: { seq: true, action: true, occurredAt: true, note: true, actor: { select: { name: true } } },
      },
    },
  });
  if (!r) return null;
  return {
    id: r.id, serial: r.serial, type: r.type, status: r.status, title: r.title, description: r.description,
    amountFen: r.amountFen?.toString() ?? null,
    enterpriseName: r.enterprise.name, parkName: r.park.org.name, assignedBankName: r.assignedBank?.name ?? null,
    submittedAt: r.submittedAt, dueAt: r.dueAt,
    timeline: r.ledger.map((e) => ({ seq: e.seq, action: e.action, occurredAt: e.occurredAt, actorName: e.actor?.name ?? null, note: e.note })),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from URLs are untrusted: anything that is not a UUID is simply not found. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
