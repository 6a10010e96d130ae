import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { EnterpriseSize, SupportClass } from "@/lib/generated/prisma/enums";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { enterpriseScope, isNothing, type TScopeContext } from "@/lib/auth/scopes";
import { emptyCountedPage, keyText, keyUuid, readCappedBatches, readCountedPage } from "@/lib/pagination/keyset";
import type { TCountedPage, TFilteredRead, TKeyColumn, TPageCursor } from "@/lib/pagination/keyset";
import { maskMobile } from "@/lib/privacy/mask";
import { z } from "zod";
import { isUuid } from "@/lib/ids";
import { REGISTRY_EXPORT_MAX_ROWS, REGISTRY_PAGE_SIZE, usccPrefix, type TEnterpriseFilters } from "../rules";

// The enterprise registry as each actor may see it: the scope (lib/auth/scopes.ts) is
// ANDed into every where, so another park's enterprise is simply not there.
// Deactivation is the enterprise organization's `active` flag (Enterprise has no column
// of its own; registrationStatus says whether the park verified it, which is another
// question): an inactive enterprise's users cannot sign in, and the lists hide it
// unless asked for.

type TDb = PrismaClient | Prisma.TransactionClient;

export function enterpriseWhere(actor: TActor, ctx: TScopeContext, filters: TEnterpriseFilters): Prisma.EnterpriseWhereInput | null {
  const scope = enterpriseScope(actor, ctx);
  if (isNothing(scope)) return null;
  const and: Prisma.EnterpriseWhereInput[] = [scope];
  if (filters.q) {
    const prefix = usccPrefix(filters.q);
    const byName: Prisma.EnterpriseWhereInput = { name: { contains: filters.q, mode: "insensitive" } };
    and.push(prefix ? { OR: [{ uscc: { startsWith: prefix } }, byName] } : byName);
  }
  if (filters.section) and.push({ industrySection: filters.section });
  if (filters.size) and.push({ size: filters.size });
  if (filters.tag) and.push({ tags: { has: filters.tag } });
  if (filters.supportClass) and.push({ supportClass: filters.supportClass === "NONE" ? null : filters.supportClass });
  if (filters.parkId) and.push({ parkId: filters.parkId });
  if (filters.status !== "all") and.push({ org: { active: filters.status === "active" } });
  return { AND: and };
}

const ROW_SELECT = {
  id: true,
  uscc: true,
  name: true,
  industrySection: true,
  industryDivision: true,
  size: true,
  tags: true,
  supportClass: true,
  creditRating: true,
  registrationStatus: true,
  contactName: true,
  contactMobile: true,
  createdAt: true,
  org: { select: { active: true } },
  park: { select: { id: true, org: { select: { name: true, shortName: true } } } },
} as const satisfies Prisma.EnterpriseSelect;

type TRow = Prisma.EnterpriseGetPayload<{ select: typeof ROW_SELECT }>;

export type TRegistryEnterprise = {
  id: string;
  uscc: string;
  name: string;
  parkId: string;
  parkName: string;
  industrySection: string;
  industryDivision: string | null;
  size: EnterpriseSize;
  tags: string[];
  supportClass: SupportClass | null;
  creditRating: string | null;
  registrationStatus: TRow["registrationStatus"];
  active: boolean;
  contactName: string | null;
  // Personal data leaves the server masked (lists and exports alike).
  contactMobileMasked: string | null;
  createdAt: Date;
};

function toRow(e: TRow): TRegistryEnterprise {
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    parkId: e.park.id,
    parkName: e.park.org.shortName ?? e.park.org.name,
    industrySection: e.industrySection,
    industryDivision: e.industryDivision,
    size: e.size,
    tags: e.tags,
    supportClass: e.supportClass,
    creditRating: e.creditRating,
    registrationStatus: e.registrationStatus,
    active: e.org.active,
    contactName: e.contactName,
    contactMobileMasked: maskMobile(e.contactMobile),
    createdAt: e.createdAt,
  };
}

// Name then id: a total order, served by the index on name (and, for a park window,
// Enterprise(parkId, name, id)).
const ORDER: Prisma.EnterpriseOrderByWithRelationInput[] = [{ name: "asc" }, { id: "asc" }];
const COLUMNS: readonly TKeyColumn[] = [
  { field: "name", direction: "asc" },
  { field: "id", direction: "asc" },
];
const CURSOR = z.tuple([keyText, keyUuid]);

export type TRegistryPage<T> = TCountedPage<T>;

/** One keyset page of the enterprise list in name order (50 a page), with a total capped at COUNT_CAP. */
export async function listRegistryEnterprises(
  db: TDb,
  actor: TActor,
  ctx: TScopeContext,
  filters: TEnterpriseFilters,
  cursor: TPageCursor | null = null,
): Promise<TRegistryPage<TRegistryEnterprise>> {
  const where = enterpriseWhere(actor, ctx, filters);
  if (!where) return emptyCountedPage(REGISTRY_PAGE_SIZE);
  return readCountedPage(
    {
      columns: COLUMNS,
      cursor: CURSOR,
      keyOf: (r: TRegistryEnterprise) => [r.name, r.id],
      where,
      find: async (q: TFilteredRead<Prisma.EnterpriseWhereInput, Prisma.EnterpriseOrderByWithRelationInput>) =>
        (await db.enterprise.findMany({ ...q, select: ROW_SELECT })).map(toRow),
    },
    (q) => db.enterprise.count(q),
    cursor,
    REGISTRY_PAGE_SIZE,
  );
}

/**
 * Every enterprise of the list (same scope and filters as the page), read in keyset
 * batches so a large export never uses a deep OFFSET; at most REGISTRY_EXPORT_MAX_ROWS.
 */
export async function exportRegistryEnterprises(
  db: TDb,
  actor: TActor,
  ctx: TScopeContext,
  filters: TEnterpriseFilters,
  maxRows = REGISTRY_EXPORT_MAX_ROWS,
): Promise<{ rows: TRegistryEnterprise[]; capped: boolean }> {
  const where = enterpriseWhere(actor, ctx, filters);
  if (!where) return { rows: [], capped: false };
  const { rows, capped } = await readCappedBatches(
    (after: TRow | null, take) =>
      db.enterprise.findMany({
        where: { AND: [where, after ? { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] } : {}] },
        select: ROW_SELECT,
        orderBy: ORDER,
        take,
      }),
    maxRows,
  );
  return { rows: rows.map(toRow), capped };
}

export type TClassChange = {
  id: string;
  fromClass: SupportClass | null;
  toClass: SupportClass;
  reason: string;
  changedAt: Date;
  changedByName: string | null;
  changedByOrg: string | null;
};

export type TRegistryEnterpriseDetail = TRegistryEnterprise & {
  orgId: string;
  registrationNote: string | null;
  reviewedAt: Date | null;
  classChanges: TClassChange[];
};

/** One enterprise with its class history, or null (unknown, or outside the actor's scope: the same answer). */
export async function getRegistryEnterprise(
  db: TDb,
  actor: TActor,
  ctx: TScopeContext,
  enterpriseId: string,
): Promise<TRegistryEnterpriseDetail | null> {
  if (!isUuid(enterpriseId)) return null;
  const scope = enterpriseScope(actor, ctx);
  if (isNothing(scope)) return null;
  const e = await db.enterprise.findFirst({
    where: { AND: [{ id: enterpriseId }, scope] },
    select: {
      ...ROW_SELECT,
      orgId: true,
      registrationNote: true,
      reviewedAt: true,
      classChanges: {
        orderBy: [{ changedAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          fromClass: true,
          toClass: true,
          reason: true,
          changedAt: true,
          changedBy: { select: { name: true, org: { select: { shortName: true, name: true } } } },
        },
      },
    },
  });
  if (!e) return null;
  return {
    ...toRow(e),
    orgId: e.orgId,
    registrationNote: e.registrationNote,
    reviewedAt: e.reviewedAt,
    classChanges: e.classChanges.map((c) => ({
      id: c.id,
      fromClass: c.fromClass,
      toClass: c.toClass,
      reason: c.reason,
      changedAt: c.changedAt,
      changedByName: c.changedBy?.name ?? null,
      changedByOrg: c.changedBy ? (c.changedBy.org.shortName ?? c.changedBy.org.name) : null,
    })),
  };
}

/** The full contact fields an edit form starts from (the actor may edit this enterprise). */
export async function getEnterpriseForEdit(db: TDb, actor: TActor, ctx: TScopeContext, enterpriseId: string) {
  if (!isUuid(enterpriseId) || !canActor(actor, "enterprises.update")) return null;
  const scope = enterpriseScope(actor, ctx);
  if (isNothing(scope)) return null;
  return db.enterprise.findFirst({
    where: { AND: [{ id: enterpriseId }, scope] },
    select: {
      id: true,
      uscc: true,
      name: true,
      parkId: true,
      industrySection: true,
      industryDivision: true,
      size: true,
      tags: true,
      creditRating: true,
      contactName: true,
      contactMobile: true,
      org: { select: { active: true } },
    },
  });
}

export type TParkChoice = { id: string; name: string };

/**
 * Parks the actor may put an enterprise in or filter by: its own park for a park
 * window, every active park for the finance office and the central bank, none otherwise.
 */
export async function listParkChoices(db: TDb, actor: TActor, ctx: TScopeContext): Promise<TParkChoice[]> {
  const scope = enterpriseScope(actor, ctx);
  if (isNothing(scope)) return [];
  let where: Prisma.ParkWhereInput;
  if (ctx.parkId && actor.orgKind === "PARK") where = { id: ctx.parkId };
  else if (Object.keys(scope).length === 0) where = { org: { active: true } };
  else return [];
  const parks = await db.park.findMany({ where, orderBy: { code: "asc" }, select: { id: true, org: { select: { name: true } } } });
  return parks.map((p) => ({ id: p.id, name: p.org.name }));
}
