import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import type { TActor, } from "@/lib/auth/permissions";
import type { TScopeContext } from "@/lib/auth/scopes";

export type TActorSource = { userId: string; role: TActor["role"]; orgId: string; orgKind: OrgKind };

/**
 * Descendants of a bank (its branches and their sub-branches), the bank itself first.
 * Takes a client or a transaction (a submission reads its bank's subtree inside one).
 */
export async function bankWithDescendants(db: Pick<PrismaClient, "$queryRaw">, bankOrgId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT id FROM "Organization" WHERE id = ${bankOrgId}::uuid AND kind = 'BANK'
      UNION ALL
      SELECT o.id FROM "Organization" o JOIN tree t ON o."parentId" = t.id WHERE o.kind = 'BANK'
    )
    SELECT id::text FROM tree`;
  return rows.map((r) => r.id);
}

/**
 * What the scopes in lib/auth/scopes.ts need to know about the actor's organization:
 * the banks it covers (a parent bank's users see their branches' data), its park, or its
 * enterprise. Loaded per request, from the actor's own organization only.
 */
export async function loadScopeContext(db: PrismaClient, actor: TActorSource): Promise<TScopeContext> {
  switch (actor.orgKind) {
    case OrgKind.BANK:
      return { bankOrgIds: await bankWithDescendants(db, actor.orgId) };
    case OrgKind.PARK: {
      const park = await db.park.findUnique({ where: { orgId: actor.orgId }, select: { id: true } });
      return park ? { parkId: park.id } : {};
    }
    case OrgKind.ENTERPRISE: {
      const enterprise = await db.enterprise.findUnique({ where: { orgId: actor.orgId }, select: { id: true } });
      return enterprise ? { enterpriseId: enterprise.id } : {};
    }
    default:
      return {};
  }
}

export function actorOf(user: TActorSource): TActor {
  return { userId: user.userId, role: user.role, orgId: user.orgId, orgKind: user.orgKind };
}
