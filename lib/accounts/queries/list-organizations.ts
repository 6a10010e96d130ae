import type { Prisma } from "@/lib/generated/prisma/client";
import { BankLevel, OrgKind } from "@/lib/generated/prisma/enums";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { isNothing, organizationScope } from "@/lib/auth/scopes";

type TDb = Prisma.TransactionClient;

export type TOrganizationRow = {
  id: string;
  kind: OrgKind;
  name: string;
  shortName: string | null;
  bankLevel: BankLevel | null;
  parentName: string | null;
  active: boolean;
  userCount: number;
  parkCode: string | null;
  createdAt: Date;
};

export const ORGS_PAGE_SIZE = 100;

/**
 * The organization directory (finance office and central bank: every organization).
 * Without `kind`, enterprises are left out: there are hundreds, they register themselves,
 * and they have their own kind filter.
 */
export async function listOrganizations(
  db: TDb,
  actor: TActor,
  options: { kind?: OrgKind; page?: number } = {},
): Promise<{ rows: TOrganizationRow[]; total: number; page: number; pageSize: number }> {
  const page = Math.max(1, Math.floor(options.page ?? 1) || 1);
  const scope = organizationScope(actor);
  if (!canActor(actor, "orgs.read") || isNothing(scope)) return { rows: [], total: 0, page, pageSize: ORGS_PAGE_SIZE };
  const where: Prisma.OrganizationWhereInput = {
    AND: [scope, options.kind ? { kind: options.kind } : { kind: { not: OrgKind.ENTERPRISE } }],
  };
  const [orgs, total] = await Promise.all([
    db.organization.findMany({
      where,
      select: {
        id: true,
        kind: true,
        name: true,
        shortName: true,
        bankLevel: true,
        active: true,
        createdAt: true,
        parent: { select: { name: true } },
        park: { select: { code: true } },
        _count: { select: { users: true } },
      },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      skip: (page - 1) * ORGS_PAGE_SIZE,
      take: ORGS_PAGE_SIZE,
    }),
    db.organization.count({ where }),
  ]);
  return {
    rows: orgs.map((o) => ({
      id: o.id,
      kind: o.kind,
      name: o.name,
      shortName: o.shortName,
      bankLevel: o.bankLevel,
      parentName: o.parent?.name ?? null,
      active: o.active,
      userCount: o._count.users,
      parkCode: o.park?.code ?? null,
      createdAt: o.createdAt,
    })),
    total,
    page,
    pageSize: ORGS_PAGE_SIZE,
  };
}

export type TParentBankOption = { id: string; name: string; bankLevel: BankLevel | null };

/** Banks a new bank may hang under: active, and not already at the bottom (支行). */
export async function listParentBankOptions(db: TDb, actor: TActor): Promise<TParentBankOption[]> {
  const scope = organizationScope(actor);
  if (!canActor(actor, "orgs.create") || isNothing(scope)) return [];
  return db.organization.findMany({
    where: {
      AND: [scope, { kind: OrgKind.BANK, active: true }, { OR: [{ bankLevel: null }, { bankLevel: { not: BankLevel.SUB_BRANCH } }] }],
    },
    select: { id: true, name: true, bankLevel: true },
    orderBy: [{ bankLevel: "asc" }, { name: "asc" }],
  });
}
