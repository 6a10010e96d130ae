import { cache } from "react";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import type { TActor, } from "@/lib/auth/permissions";
import type { TScopeContext } from "@/lib/auth/scopes";

export type TActorSource = { userId: string; role: TActor["role"]; orgId: string; orgKind: OrgKind };

/**
 * Descendants of a bank (its branches and their sub-branches), the bank itself first.
 * Takes a client or a transaction (a submission reads its bank's subtree inside one).
 * Memoised per client (or transaction) and bank for one server render (React cache;
 * outside a render it is a plain call): a bank's dashboard and the pieces it is made of
 * each need the subtree.
 */
export const bankWithDescendants = cache(async (db: Pick<PrismaClient, "$queryRaw">, bankOrgId: string): Promise<string[]> => {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT id FROM "Organization" WHERE id = ${bankOrgId}::uuid AND kind = 'BANK'
      UNION ALL
      SELECT o.id FROM "Organization" o JOIN tree t ON o."parentId" = t.id WHERE o.kind = 'BANK'
    )
    SELECT id::text FROM tree`;
  // Frozen: every caller of the render shares this array.
  return Object.freeze(rows.map((r) => r.id)) as string[];
});

/**
 * What the scopes in lib/auth/scopes.ts need to know about the actor's organization:
 * the banks it covers (a parent bank's users see their branches' data), its park, or its
 * enterprise. Loaded per request, from the actor's own organization only, and memoised
 * for one server render by organization (a page, its panels and the dashboard pieces all
 * ask; each caller may hold its own copy of the actor object).
 */
export function loadScopeContext(db: PrismaClient, actor: TActorSource): Promise<TScopeContext> {
  return scopeOfOrganization(db, actor.orgKind, actor.orgId);
}

const scopeOfOrganization = cache(async (db: PrismaClient, orgKind: OrgKind, orgId: string): Promise<TScopeContext> => {
  switch (orgKind) {
    case OrgKind.BANK:
      return Object.freeze({ bankOrgIds: await bankWithDescendants(db, orgId) });
    case OrgKind.PARK: {
      const park = await db.park.findUnique({ where: { orgId }, select: { id: true } });
      return Object.freeze(park ? { parkId: park.id } : {});
    }
    case OrgKind.ENTERPRISE: {
      const enterprise = await db.enterprise.findUnique({ where: { orgId }, select: { id: true } });
      return Object.freeze(enterprise ? { enterpriseId: enterprise.id } : {});
    }
    default:
      return Object.freeze({});
  }
});

export function actorOf(user: TActorSource): TActor {
  return { userId: user.userId, role: user.role, orgId: user.orgId, orgKind: user.orgKind };
}
