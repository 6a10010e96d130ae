/**
 * The assistance plans the viewer may see (planScope), newest change first, a keyset page
 * at a time. The review queue (queue: true) is the plans waiting for the viewer's decision:
 * a park's submitted plans, the finance office's park-approved ones (nothing for others).
 * Indexes: AssistancePlan(updatedAt, id) city-wide, (bankOrgId, …) and (parkId, …) for the
 * scoped lists, (status, …) for the finance office's queue.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { AssistancePlanStatus } from "@/lib/generated/prisma/enums";
import { areaOfRole } from "@/lib/auth/areas";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing, nothing } from "@/lib/auth/scopes";
import { emptyKeysetPage, newestFirst, readFilteredPage } from "@/lib/pagination/keyset";
import type { TFilteredRead, TKeysetPage, TPageCursor } from "@/lib/pagination/keyset";
import { planScope } from "../scopes";

export const PLAN_PAGE_SIZE = 25;

export type TPlanRow = {
  id: string;
  year: number;
  parkName: string;
  bankName: string;
  status: AssistancePlanStatus;
  latestNumber: number;
  approvedNumber: number | null;
  updatedAt: Date;
  /** The newest version's figures. */
  amountFen: string;
  borrowers: number;
  firstLoans: number;
  creditLoans: number;
};

/** The status a viewer's review queue holds, by area; null: the area reviews nothing. */
export function queueStatus(role: TActorSource["role"]): AssistancePlanStatus | null {
  const area = areaOfRole(role);
  if (area === "park") return AssistancePlanStatus.SUBMITTED;
  if (area === "finance") return AssistancePlanStatus.PARK_APPROVED;
  return null;
}

export async function listAssistancePlans(
  db: PrismaClient,
  user: TActorSource,
  cursor: TPageCursor | null = null,
  options: { queue?: boolean; pageSize?: number } = {},
): Promise<TKeysetPage<TPlanRow>> {
  const scope = planScope(actorOf(user), await loadScopeContext(db, user));
  if (isNothing(scope)) return emptyKeysetPage();
  const status = options.queue ? queueStatus(user.role) : undefined;
  const where: Prisma.AssistancePlanWhereInput = status === null ? nothing() : status ? { AND: [scope, { status }] } : scope;
  return readFilteredPage(
    {
      ...newestFirst("updatedAt"),
      where,
      find: async (q: TFilteredRead<Prisma.AssistancePlanWhereInput, Prisma.AssistancePlanOrderByWithRelationInput>) => {
        const rows = await db.assistancePlan.findMany({
          ...q,
          select: {
            id: true,
            year: true,
            status: true,
            latestNumber: true,
            approvedNumber: true,
            updatedAt: true,
            park: { select: { org: { select: { name: true } } } },
            bank: { select: { name: true } },
            versions: {
              orderBy: { number: "desc" },
              take: 1,
              select: { amountFen: true, borrowers: true, firstLoans: true, creditLoans: true },
            },
          },
        });
        return rows.map(({ park, bank, versions, ...r }) => ({
          ...r,
          parkName: park.org.name,
          bankName: bank.name,
          amountFen: (versions[0]?.amountFen ?? 0n).toString(),
          borrowers: versions[0]?.borrowers ?? 0,
          firstLoans: versions[0]?.firstLoans ?? 0,
          creditLoans: versions[0]?.creditLoans ?? 0,
        }));
      },
    },
    cursor,
    options.pageSize ?? PLAN_PAGE_SIZE,
  );
}
