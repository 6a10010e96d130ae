import { cache } from "react";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import type { TScopeContext } from "@/lib/auth/scopes";

export type TActorSource = { userId: string; role: TActor["role"]; orgId: string; orgKind: OrgKind };

/**
 * Scopes already known in this server render, per client and organization: the session
 * check reads the signed-in user's own with the session row (SCOPE_COLUMNS) and hands it
 * over with rememberScopeContext, so the page's loads below cost no query. Outside a
 * render (actions, route handlers, jobs) React's cache keeps nothing and every load reads
 * the database.
 */
const knownScopes = cache((db: object): Map<string, TScopeContext> => {
  void db;
  return new Map();
});

export function rememberScopeContext(db: object, orgId: string, scope: TScopeContext): void {
  knownScopes(db).set(orgId, scope);
}

/**
 * Descendants of a bank (its branches and their sub-branches), the bank itself first.
 * Takes a client or a transaction (a submission reads its bank's subtree inside one).
 * Memoised per client (or transaction) and bank for one server render (React cache;
 * outside a render it is a plain call): a bank's dashboard and the pieces it is made of
 * each need the subtree.
 */
export function bankWithDescendants(db: Pick<PrismaClient, "$queryRaw">, bankOrgId: string): Promise<string[]> {
  const known = knownScopes(db).get(bankOrgId)?.bankOrgIds;
  return known ? Promise.resolve(known as string[]) : loadBankWithDescendants(db, bankOrgId);
}

const loadBankWithDescendants = cache(async (db: Pick<PrismaClient, "$queryRaw">, bankOrgId: string): Promise<string[]> => {
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
  const known = knownScopes(db).get(actor.orgId);
  return known ? Promise.resolve(known) : scopeOfOrganization(db, actor.orgKind, actor.orgId);
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

/**
 * The same scope as loadScopeContext, as columns of a query that already has the
 * organization as `o` (the session check, so a signed-in request needs no separate
 * round-trip for it): select SCOPE_COLUMNS, add SCOPE_JOINS, read with scopeFromColumns.
 */
export const SCOPE_COLUMNS = Prisma.sql`
  scope_park.id::text AS "scopeParkId",
  scope_enterprise.id::text AS "scopeEnterpriseId",
  CASE WHEN o.kind = 'BANK' THEN ARRAY(
    WITH RECURSIVE tree AS (
      SELECT b.id FROM "Organization" b WHERE b.id = o.id
      UNION ALL
      SELECT c.id FROM "Organization" c JOIN tree t ON c."parentId" = t.id WHERE c.kind = 'BANK'
    )
    SELECT id::text FROM tree) END AS "scopeBankOrgIds"`;

export const SCOPE_JOINS = Prisma.sql`
  LEFT JOIN "Park" scope_park ON o.kind = 'PARK' AND scope_park."orgId" = o.id
  LEFT JOIN "Enterprise" scope_enterprise ON o.kind = 'ENTERPRISE' AND scope_enterprise."orgId" = o.id`;

export type TScopeColumns = { scopeParkId: string | null; scopeEnterpriseId: string | null; scopeBankOrgIds: string[] | null };

export function scopeFromColumns(orgKind: OrgKind, row: TScopeColumns): TScopeContext {
  switch (orgKind) {
    case OrgKind.BANK:
      return Object.freeze({ bankOrgIds: Object.freeze([...(row.scopeBankOrgIds ?? [])]) as string[] });
    case OrgKind.PARK:
      return Object.freeze(row.scopeParkId ? { parkId: row.scopeParkId } : {});
    case OrgKind.ENTERPRISE:
      return Object.freeze(row.scopeEnterpriseId ? { enterpriseId: row.scopeEnterpriseId } : {});
    default:
      return Object.freeze({});
  }
}

export function actorOf(user: TActorSource): TActor {
  return { userId: user.userId, role: user.role, orgId: user.orgId, orgKind: user.orgKind };
}
