import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { BankLevel, OrgKind, Role } from "@/lib/generated/prisma/enums";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { bankWithDescendants } from "@/lib/auth/queries/load-scope-context";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { maskMobile } from "@/lib/privacy/mask";
import { currentContact } from "../contacts";
import { orderAsTree, type TOrgFilters } from "../rules";
import { isUuid } from "@/lib/ids";

// Parks, banks and guarantee companies as a directory. Their names, service windows and
// bank contacts are published to everyone taking part (《益阳市金融纾困民营和小微企业“两进两促”行动工作方案》 二（二）3:
// contacts are posted at the park and in bank outlets), so every signed-in role may read them
// ("contacts.read"). Deactivated organizations are shown only to the offices that
// administer or supervise the program ("orgs.read"); others see the active ones.
// Mobile numbers leave the server masked.

type TDb = PrismaClient | Prisma.TransactionClient;

function statusWhere(actor: TActor, filters: Pick<TOrgFilters, "status">): Prisma.OrganizationWhereInput {
  if (!canActor(actor, "orgs.read")) return { active: true };
  return filters.status === "all" ? {} : { active: filters.status === "active" };
}

function readable(actor: TActor): boolean {
  return canActor(actor, "contacts.read");
}

function nameWhere(q: string): Prisma.OrganizationWhereInput {
  return q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { shortName: { contains: q, mode: "insensitive" } }] } : {};
}

// ───────────────────────── banks and contacts ─────────────────────────

const CONTACT_SELECT = {
  id: true,
  bankOrgId: true,
  firstPersonName: true,
  firstPersonTitle: true,
  firstPersonMobile: true,
  secondPersonName: true,
  secondPersonTitle: true,
  secondPersonMobile: true,
  department: true,
  liaisonName: true,
  liaisonMobile: true,
  liaisonPhone: true,
  effectiveOn: true,
  filedAt: true,
  filedLate: true,
} as const satisfies Prisma.BankContactSelect;

type TContactRow = Prisma.BankContactGetPayload<{ select: typeof CONTACT_SELECT }>;

export type TBankContactView = Omit<TContactRow, "firstPersonMobile" | "secondPersonMobile" | "liaisonMobile"> & {
  firstPersonMobileMasked: string | null;
  secondPersonMobileMasked: string | null;
  liaisonMobileMasked: string | null;
};

function contactView(c: TContactRow): TBankContactView {
  const { firstPersonMobile, secondPersonMobile, liaisonMobile, ...rest } = c;
  return {
    ...rest,
    firstPersonMobileMasked: maskMobile(firstPersonMobile),
    secondPersonMobileMasked: maskMobile(secondPersonMobile),
    liaisonMobileMasked: maskMobile(liaisonMobile),
  };
}

export type TRegistryBank = {
  id: string;
  name: string;
  shortName: string | null;
  bankLevel: BankLevel | null;
  parentId: string | null;
  parentName: string | null;
  active: boolean;
  depth: number;
  contact: TBankContactView | null;
};

/** Banks in hierarchy order (head office → branch → sub-branch), each with the contact in force. */
export async function listRegistryBanks(db: TDb, actor: TActor, filters: TOrgFilters, now = new Date()): Promise<TRegistryBank[]> {
  if (!readable(actor)) return [];
  const banks = await db.organization.findMany({
    where: {
      AND: [{ kind: OrgKind.BANK }, statusWhere(actor, filters), nameWhere(filters.q), filters.level ? { bankLevel: filters.level } : {}],
    },
    select: { id: true, name: true, shortName: true, bankLevel: true, parentId: true, active: true, parent: { select: { name: true } } },
    take: 5_000,
  });
  const contacts = await db.bankContact.findMany({
    where: { bankOrgId: { in: banks.map((b) => b.id) } },
    select: CONTACT_SELECT,
  });
  const byBank = new Map<string, TContactRow[]>();
  for (const c of contacts) byBank.set(c.bankOrgId, [...(byBank.get(c.bankOrgId) ?? []), c]);
  return orderAsTree(banks).map((b) => {
    const current = currentContact(byBank.get(b.id) ?? [], now);
    return {
      id: b.id,
      name: b.name,
      shortName: b.shortName,
      bankLevel: b.bankLevel,
      parentId: b.parentId,
      parentName: b.parent?.name ?? null,
      active: b.active,
      depth: b.depth,
      contact: current ? contactView(current) : null,
    };
  });
}

/** The banks whose contacts the actor may file: a liaison its own bank, a manager also every bank below it. */
export async function contactManageableBankIds(db: PrismaClient, actor: TActor): Promise<string[]> {
  if (!canActor(actor, "contacts.manage")) return [];
  if (actor.role === Role.BANK_MANAGER) return bankWithDescendants(db, actor.orgId);
  return [actor.orgId];
}

export type TRegistryBankDetail = Omit<TRegistryBank, "depth"> & {
  parentLevel: BankLevel | null;
  children: { id: string; name: string; bankLevel: BankLevel | null; active: boolean }[];
  history: TBankContactView[];
  scheduled: TBankContactView[];
};

/** One bank, its branches, the contact in force, changes yet to take effect, and the history. */
export async function getRegistryBank(db: TDb, actor: TActor, bankOrgId: string, now = new Date()): Promise<TRegistryBankDetail | null> {
  if (!readable(actor) || !isUuid(bankOrgId)) return null;
  const b = await db.organization.findFirst({
    where: { AND: [{ id: bankOrgId, kind: OrgKind.BANK }, statusWhere(actor, { status: "all" })] },
    select: {
      id: true,
      name: true,
      shortName: true,
      bankLevel: true,
      parentId: true,
      active: true,
      parent: { select: { name: true, bankLevel: true } },
      children: {
        where: { kind: OrgKind.BANK, ...(canActor(actor, "orgs.read") ? {} : { active: true }) },
        orderBy: { name: "asc" },
        select: { id: true, name: true, bankLevel: true, active: true },
      },
      bankContacts: { orderBy: [{ effectiveOn: "desc" }, { filedAt: "desc" }], select: CONTACT_SELECT },
    },
  });
  if (!b) return null;
  const current = currentContact(b.bankContacts, now);
  const today = shanghaiDateString(now);
  const inForce = (c: TContactRow) => c.effectiveOn.toISOString().slice(0, 10) <= today;
  return {
    id: b.id,
    name: b.name,
    shortName: b.shortName,
    bankLevel: b.bankLevel,
    parentId: b.parentId,
    parentName: b.parent?.name ?? null,
    parentLevel: b.parent?.bankLevel ?? null,
    active: b.active,
    children: b.children,
    contact: current ? contactView(current) : null,
    history: b.bankContacts.filter(inForce).map(contactView),
    scheduled: b.bankContacts.filter((c) => !inForce(c)).map(contactView),
  };
}

/** Banks that could be the parent of a bank of this level (any higher level), for the edit form. */
export async function listParentChoices(db: TDb, level: BankLevel | null, excludeId: string): Promise<{ id: string; name: string }[]> {
  const levels =
    level === BankLevel.SUB_BRANCH ? [BankLevel.HEAD_OFFICE, BankLevel.BRANCH] : level === BankLevel.BRANCH ? [BankLevel.HEAD_OFFICE] : [];
  if (levels.length === 0) return [];
  return db.organization.findMany({
    where: { kind: OrgKind.BANK, active: true, bankLevel: { in: levels }, id: { not: excludeId } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

// ───────────────────────── parks ─────────────────────────

export type TRegistryPark = {
  orgId: string;
  parkId: string;
  code: string;
  name: string;
  shortName: string | null;
  district: string | null;
  address: string | null;
  windowName: string | null;
  windowPhone: string | null;
  active: boolean;
  enterpriseCount: number;
};

const PARK_SELECT = {
  id: true,
  code: true,
  district: true,
  address: true,
  windowName: true,
  windowPhone: true,
  org: { select: { id: true, name: true, shortName: true, active: true } },
} as const satisfies Prisma.ParkSelect;

type TParkRow = Prisma.ParkGetPayload<{ select: typeof PARK_SELECT }>;

function parkView(p: TParkRow, count: number): TRegistryPark {
  return {
    orgId: p.org.id,
    parkId: p.id,
    code: p.code,
    name: p.org.name,
    shortName: p.org.shortName,
    district: p.district,
    address: p.address,
    windowName: p.windowName,
    windowPhone: p.windowPhone,
    active: p.org.active,
    enterpriseCount: count,
  };
}

/** Parks by code with their financing service window and number of active enterprises. */
export async function listRegistryParks(db: TDb, actor: TActor, filters: TOrgFilters): Promise<TRegistryPark[]> {
  if (!readable(actor)) return [];
  const parks = await db.park.findMany({
    where: { org: { AND: [statusWhere(actor, filters), nameWhere(filters.q)] } },
    select: PARK_SELECT,
    orderBy: { code: "asc" },
    take: 1_000,
  });
  const counts = await db.enterprise.groupBy({
    by: ["parkId"],
    where: { parkId: { in: parks.map((p) => p.id) }, org: { active: true } },
    _count: { _all: true },
  });
  const countOf = new Map(counts.map((c) => [c.parkId, c._count._all]));
  return parks.map((p) => parkView(p, countOf.get(p.id) ?? 0));
}

export type TParkStaff = { id: string; name: string; role: Role; active: boolean; mobileMasked: string | null };

export type TRegistryParkDetail = TRegistryPark & { staff: TParkStaff[] };

/** A park (by its organization id) with the staff of its window. */
export async function getRegistryPark(db: TDb, actor: TActor, orgId: string): Promise<TRegistryParkDetail | null> {
  if (!readable(actor) || !isUuid(orgId)) return null;
  const p = await db.park.findFirst({ where: { orgId, org: statusWhere(actor, { status: "all" }) }, select: PARK_SELECT });
  if (!p) return null;
  const [count, staff] = await Promise.all([
    db.enterprise.count({ where: { parkId: p.id, org: { active: true } } }),
    db.user.findMany({
      where: { orgId, ...(canActor(actor, "orgs.read") ? {} : { active: true }) },
      orderBy: [{ active: "desc" }, { name: "asc" }],
      select: { id: true, name: true, role: true, active: true, mobile: true },
    }),
  ]);
  return {
    ...parkView(p, count),
    staff: staff.map((u) => ({ id: u.id, name: u.name, role: u.role, active: u.active, mobileMasked: maskMobile(u.mobile) })),
  };
}

// ───────────────────────── guarantee companies ─────────────────────────

export type TRegistryGuarantor = { id: string; name: string; shortName: string | null; active: boolean; createdAt: Date };

export async function listRegistryGuarantors(db: TDb, actor: TActor, filters: TOrgFilters): Promise<TRegistryGuarantor[]> {
  if (!readable(actor)) return [];
  return db.organization.findMany({
    where: { AND: [{ kind: OrgKind.GUARANTEE_COMPANY }, statusWhere(actor, filters), nameWhere(filters.q)] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, shortName: true, active: true, createdAt: true },
    take: 1_000,
  });
}

export async function getRegistryGuarantor(db: TDb, actor: TActor, orgId: string): Promise<TRegistryGuarantor | null> {
  if (!readable(actor) || !isUuid(orgId)) return null;
  return db.organization.findFirst({
    where: { AND: [{ id: orgId, kind: OrgKind.GUARANTEE_COMPANY }, statusWhere(actor, { status: "all" })] },
    select: { id: true, name: true, shortName: true, active: true, createdAt: true },
  });
}
