/**
 * The visits list (走访记录), newest visit first, a keyset page at a time, scoped like the
 * visit (visitScope): the finance office and central bank see every park's, a park its
 * own, a bank the visits it led. Index: ParkVisit(visitedOn, id) city-wide, (parkId,
 * visitedOn) and (bankOrgId, visitedOn) for the scoped lists.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ParkVisitStatus } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing } from "@/lib/auth/scopes";
import { emptyKeysetPage, newestFirst, readFilteredPage } from "@/lib/pagination/keyset";
import type { TFilteredRead, TKeysetPage, TPageCursor } from "@/lib/pagination/keyset";
import { visitScope } from "@/lib/visits/rules";

export const VISIT_PAGE_SIZE = 25;

export type TVisitRow = {
  id: string;
  visitedOn: Date;
  parkName: string;
  bankName: string;
  leaderName: string;
  leaderMismatch: boolean;
  status: ParkVisitStatus;
  findings: number;
  items: number;
};

export const VISIT_ROW_SELECT = {
  id: true,
  visitedOn: true,
  leaderName: true,
  leaderMismatch: true,
  status: true,
  park: { select: { org: { select: { name: true } } } },
  bank: { select: { name: true } },
  findings: { select: { requestId: true } },
} as const satisfies Prisma.ParkVisitSelect;

export function visitRow(r: Prisma.ParkVisitGetPayload<{ select: typeof VISIT_ROW_SELECT }>): TVisitRow {
  return {
    id: r.id,
    visitedOn: r.visitedOn,
    parkName: r.park.org.name,
    bankName: r.bank.name,
    leaderName: r.leaderName,
    leaderMismatch: r.leaderMismatch,
    status: r.status,
    findings: r.findings.length,
    items: r.findings.filter((f) => f.requestId !== null).length,
  };
}

export async function listVisits(
  db: PrismaClient,
  actor: TActorSource,
  cursor: TPageCursor | null = null,
): Promise<TKeysetPage<TVisitRow>> {
  const scope = visitScope(actorOf(actor), await loadScopeContext(db, actor));
  if (isNothing(scope)) return emptyKeysetPage();
  return readFilteredPage(
    {
      ...newestFirst("visitedOn"),
      where: scope,
      find: async (q: TFilteredRead<Prisma.ParkVisitWhereInput, Prisma.ParkVisitOrderByWithRelationInput>) =>
        (await db.parkVisit.findMany({ ...q, select: VISIT_ROW_SELECT })).map(visitRow),
    },
    cursor,
    VISIT_PAGE_SIZE,
  );
}
