import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RankingStatus } from "@/lib/generated/prisma/enums";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { bankWithDescendants } from "@/lib/auth/queries/load-scope-context";
import type { Prisma } from "@/lib/generated/prisma/client";

// Who sees which rankings (decided here, used by every ranking query and export):
// - the finance office and the central bank branch: every ranking, drafts included
//   (they compute and review them);
// - banks: PUBLISHED rankings only. They see every bank's total, rank, bottom-list mark
//   and per-indicator values and points — exactly what the published bulletin tells the
//   meeting — but the items that cost points (links to requests) only for their own
//   bank and its branches: other banks' items are other tenants' data;
// - parks and enterprises: nothing (no rankings.read).

export type TRankingAccess = { where: Prisma.RankingWhereInput | null; ownBankOrgIds: string[]; seesAllCostItems: boolean };

export async function rankingAccess(db: PrismaClient, actor: TActor): Promise<TRankingAccess> {
  if (!canActor(actor, "rankings.read")) return { where: null, ownBankOrgIds: [], seesAllCostItems: false };
  const area = areaOfRole(actor.role);
  if (area === "finance" || area === "pbc") return { where: {}, ownBankOrgIds: [], seesAllCostItems: true };
  if (area === "bank") {
    const own = await bankWithDescendants(db, actor.orgId);
    return { where: { status: RankingStatus.PUBLISHED }, ownBankOrgIds: own, seesAllCostItems: false };
  }
  return { where: null, ownBankOrgIds: [], seesAllCostItems: false };
}
