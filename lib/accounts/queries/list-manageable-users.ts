import type { Prisma } from "@/lib/generated/prisma/client";
import { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { isNothing, nothing, userScope, type TUserScopeContext } from "@/lib/auth/scopes";
import { maskIdNumber, maskMobile } from "@/lib/privacy/mask";
import { assignableRoles } from "@/lib/accounts/schemas";
import { isUuid } from "@/lib/ids";

// Works with the client and inside a transaction.
type TDb = Prisma.TransactionClient;

/** The bank itself and every bank below it (branches, their sub-branches …). */
export async function bankWithDescendantIds(db: TDb, bankOrgId: string): Promise<string[]> {
  if (!isUuid(bankOrgId)) return [];
  // UNION (not UNION ALL) also stops on a cycle in bad data.
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT id FROM "Organization" WHERE id = ${bankOrgId}::uuid AND kind = 'BANK'::"OrgKind"
      UNION
      SELECT o.id FROM "Organization" o JOIN tree t ON o."parentId" = t.id WHERE o.kind = 'BANK'::"OrgKind"
    )
    SELECT id::text AS id FROM tree`;
  return rows.map((r) => r.id);
}

/**
 * The context userScope needs: the organizations whose users the actor manages (and
 * reads) — its own, plus for a bank manager every bank below its own. The finance office
 * and the central bank are not limited by it (userScope covers everyone for them).
 */
export async function loadUserScopeContext(db: TDb, actor: TActor): Promise<TUserScopeContext> {
  if (!canActor(actor, "users.manageOwnOrg") && !canActor(actor, "users.read")) return { manageableOrgIds: [] };
  if (actor.role === Role.BANK_MANAGER) return { manageableOrgIds: await bankWithDescendantIds(db, actor.orgId) };
  return { manageableOrgIds: [actor.orgId] };
}

/**
 * Organizations the actor may create users in, derived from userScope so the two never
 * disagree: everyone for the finance admin, else the orgs listed in the user scope.
 */
export function manageableOrgScope(actor: TActor, ctx: TUserScopeContext): Prisma.OrganizationWhereInput {
  const users = userScope(actor, ctx, "manage");
  if (isNothing(users)) return nothing();
  if (Object.keys(users).length === 0) return {};
  const orgIn = (users as { orgId?: { in?: unknown } }).orgId?.in;
  if (Array.isArray(orgIn) && orgIn.every(isUuid) && orgIn.length > 0) return { id: { in: [...orgIn] } };
  return nothing(); // a shape this function does not know: fail closed
}

const USER_SELECT = {
  id: true,
  name: true,
  account: true,
  role: true,
  active: true,
  mobile: true,
  idNumber: true,
  mustChangePassword: true,
  totpEnabledAt: true,
  lockedUntil: true,
  lastSignInAt: true,
  createdAt: true,
  org: { select: { id: true, name: true, kind: true, active: true } },
} as const satisfies Prisma.UserSelect;

type TUserRow = Prisma.UserGetPayload<{ select: typeof USER_SELECT }>;

// Personal data leaves the server masked; the full value only through the reveal action.
export type TManagedUser = {
  id: string;
  name: string;
  account: string;
  role: Role;
  active: boolean;
  mobileMasked: string | null;
  idNumberMasked: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  locked: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  orgId: string;
  orgName: string;
  orgKind: OrgKind;
  orgActive: boolean;
};

function toManagedUser(u: TUserRow, now: Date): TManagedUser {
  return {
    id: u.id,
    name: u.name,
    account: u.account,
    role: u.role,
    active: u.active,
    mobileMasked: maskMobile(u.mobile),
    idNumberMasked: maskIdNumber(u.idNumber),
    mustChangePassword: u.mustChangePassword,
    totpEnabled: u.totpEnabledAt !== null,
    locked: u.lockedUntil !== null && u.lockedUntil > now,
    lastSignInAt: u.lastSignInAt,
    createdAt: u.createdAt,
    orgId: u.org.id,
    orgName: u.org.name,
    orgKind: u.org.kind,
    orgActive: u.org.active,
  };
}

export const USERS_PAGE_SIZE = 50;

/** Users the actor may manage, newest organization first; `q` matches name, account or organization. */
export async function listManageableUsers(
  db: TDb,
  actor: TActor,
  ctx: TUserScopeContext,
  options: { q?: string; page?: number; now?: Date } = {},
): Promise<{ rows: TManagedUser[]; total: number; page: number; pageSize: number }> {
  const scope = userScope(actor, ctx, "manage");
  const page = Math.max(1, Math.floor(options.page ?? 1) || 1);
  if (isNothing(scope)) return { rows: [], total: 0, page, pageSize: USERS_PAGE_SIZE };
  const q = options.q?.trim().slice(0, 64);
  const where: Prisma.UserWhereInput = {
    AND: [
      scope,
      q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" } },
              { account: { contains: q, mode: "insensitive" } },
              { org: { name: { contains: q, mode: "insensitive" } } },
            ],
          }
        : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      select: USER_SELECT,
      orderBy: [{ org: { kind: "asc" } }, { org: { name: "asc" } }, { account: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
    }),
    db.user.count({ where }),
  ]);
  const now = options.now ?? new Date();
  return { rows: rows.map((u) => toManagedUser(u, now)), total, page, pageSize: USERS_PAGE_SIZE };
}

/** One user the actor may manage, or null (unknown, or someone else's: the same answer). */
export async function getManageableUser(db: TDb, actor: TActor, ctx: TUserScopeContext, userId: string): Promise<TManagedUser | null> {
  if (!isUuid(userId)) return null;
  const scope = userScope(actor, ctx, "manage");
  if (isNothing(scope)) return null;
  const user = await db.user.findFirst({ where: { AND: [{ id: userId }, scope] }, select: USER_SELECT });
  return user && toManagedUser(user, new Date());
}

export type TManageableOrg = { id: string; name: string; kind: OrgKind; roles: Role[] };

/** Active organizations the actor may create users in, each with the roles it may give there. */
export async function listManageableOrgs(db: TDb, actor: TActor, ctx: TUserScopeContext): Promise<TManageableOrg[]> {
  const scope = manageableOrgScope(actor, ctx);
  if (isNothing(scope)) return [];
  const orgs = await db.organization.findMany({
    where: { AND: [scope, { active: true }] },
    select: { id: true, name: true, kind: true },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
  });
  return orgs.map((o) => ({ ...o, roles: assignableRoles(actor.role, o.kind) })).filter((o) => o.roles.length > 0);
}
