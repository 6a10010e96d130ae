import type { Prisma } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import type { TPairingScopeContext } from "@/lib/pairings/scopes";
import { isUuid } from "@/lib/ids";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw" | "park" | "enterprise">;

/** A bank and every bank below it (branches, sub-branches), the bank itself first. */
export async function bankAndBranches(db: Pick<Prisma.TransactionClient, "$queryRaw">, bankOrgId: string): Promise<string[]> {
  if (!isUuid(bankOrgId)) return [];
  // UNION (not UNION ALL) also stops on a cycle in bad data.
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT id FROM "Organization" WHERE id = ${bankOrgId}::uuid AND kind = 'BANK'
      UNION
      SELECT o.id FROM "Organization" o JOIN tree t ON o."parentId" = t.id WHERE o.kind = 'BANK'
    )
    SELECT id::text FROM tree`;
  return rows.map((r) => r.id);
}

/**
 * What the pairing scopes need about the actor's own organization: the banks it covers,
 * its park, or its enterprise and that enterprise's park. Works inside a transaction.
 */
export async function loadPairingContext(db: TDb, actor: TActor): Promise<TPairingScopeContext> {
  switch (actor.orgKind) {
    case OrgKind.BANK:
      return { bankOrgIds: await bankAndBranches(db, actor.orgId) };
    case OrgKind.PARK: {
      const park = await db.park.findUnique({ where: { orgId: actor.orgId }, select: { id: true } });
      return park ? { parkId: park.id } : {};
    }
    case OrgKind.ENTERPRISE: {
      const e = await db.enterprise.findUnique({ where: { orgId: actor.orgId }, select: { id: true, parkId: true } });
      return e ? { enterpriseId: e.id, enterpriseParkId: e.parkId } : {};
    }
    default:
      return {};
  }
}
