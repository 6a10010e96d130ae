import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { PRODUCT_PAGE_SIZE, type TProductFilters } from "../filters";
import { isCreditProduct } from "../rules";
import { isUuid } from "@/lib/ids";

// The public catalogue (金融产品超市): what anyone may read, signed in or not. Products
// are published by banks to be found, so there is no tenant scope — only what is on
// offer: active products of active banks.

export type TProductCard = {
  id: string;
  name: string;
  kind: string;
  bankOrgId: string;
  bankName: string;
  /** Fen as decimal strings (BigInt does not cross to client components). */
  minAmountFen: string | null;
  maxAmountFen: string | null;
  minTermMonths: number | null;
  maxTermMonths: number | null;
  minRateBpOverLpr: number | null;
  maxRateBpOverLpr: number | null;
  collateral: string | null;
  targets: string | null;
  /** Needs no collateral (rules.ts isCreditProduct). */
  credit: boolean;
};

export type TProductDetail = TProductCard & { howToApply: string | null; updatedAt: Date };

export type TProductPage = { rows: TProductCard[]; total: number; page: number; pageSize: number };

const ON_OFFER: Prisma.BankProductWhereInput = { active: true, bank: { kind: OrgKind.BANK, active: true } };

export const PRODUCT_CARD_SELECT = {
  id: true,
  name: true,
  kind: true,
  bankOrgId: true,
  minAmountFen: true,
  maxAmountFen: true,
  minTermMonths: true,
  maxTermMonths: true,
  minRateBpOverLpr: true,
  maxRateBpOverLpr: true,
  collateral: true,
  targets: true,
  bank: { select: { name: true } },
} satisfies Prisma.BankProductSelect;

type TCardRow = Prisma.BankProductGetPayload<{ select: typeof PRODUCT_CARD_SELECT }>;

export function toProductCard(r: TCardRow): TProductCard {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    bankOrgId: r.bankOrgId,
    bankName: r.bank.name,
    minAmountFen: r.minAmountFen?.toString() ?? null,
    maxAmountFen: r.maxAmountFen?.toString() ?? null,
    minTermMonths: r.minTermMonths,
    maxTermMonths: r.maxTermMonths,
    minRateBpOverLpr: r.minRateBpOverLpr,
    maxRateBpOverLpr: r.maxRateBpOverLpr,
    collateral: r.collateral,
    targets: r.targets,
    credit: isCreditProduct(r),
  };
}

// Same reading of "credit" as isCreditProduct, in SQL.
const CREDIT: Prisma.BankProductWhereInput = { OR: [{ kind: "信用贷" }, { collateral: { contains: "信用" } }] };
const SECURED: Prisma.BankProductWhereInput = {
  kind: { not: "信用贷" },
  collateral: { not: null },
  NOT: { collateral: { contains: "信用" } },
};

export function catalogueWhere(filters: TProductFilters): Prisma.BankProductWhereInput {
  const and: Prisma.BankProductWhereInput[] = [ON_OFFER];
  if (filters.kind) and.push({ kind: filters.kind });
  if (filters.bankOrgId) and.push({ bankOrgId: filters.bankOrgId });
  if (filters.amountFen) {
    const fen = BigInt(filters.amountFen);
    and.push(
      { OR: [{ minAmountFen: null }, { minAmountFen: { lte: fen } }] },
      { OR: [{ maxAmountFen: null }, { maxAmountFen: { gte: fen } }] },
    );
  }
  if (filters.termMonths !== null) {
    const m = filters.termMonths;
    and.push(
      { OR: [{ minTermMonths: null }, { minTermMonths: { lte: m } }] },
      { OR: [{ maxTermMonths: null }, { maxTermMonths: { gte: m } }] },
    );
  }
  if (filters.security === "credit") and.push(CREDIT);
  if (filters.security === "secured") and.push(SECURED);
  if (filters.q) {
    const contains = { contains: filters.q, mode: "insensitive" as const };
    and.push({
      OR: [{ name: contains }, { kind: contains }, { targets: contains }, { collateral: contains }, { bank: { name: contains } }],
    });
  }
  return { AND: and };
}

/** One page of the catalogue, by bank then kind then name; a page past the end shows the last. */
export async function listProducts(db: PrismaClient, filters: TProductFilters): Promise<TProductPage> {
  const where = catalogueWhere(filters);
  const total = await db.bankProduct.count({ where });
  if (total === 0) return { rows: [], total: 0, page: 1, pageSize: PRODUCT_PAGE_SIZE };
  const page = Math.min(filters.page, Math.ceil(total / PRODUCT_PAGE_SIZE));
  const rows = await db.bankProduct.findMany({
    where,
    orderBy: [{ bank: { name: "asc" } }, { kind: "asc" }, { name: "asc" }, { id: "asc" }],
    skip: (page - 1) * PRODUCT_PAGE_SIZE,
    take: PRODUCT_PAGE_SIZE,
    select: PRODUCT_CARD_SELECT,
  });
  return { rows: rows.map(toProductCard), total, page, pageSize: PRODUCT_PAGE_SIZE };
}

/** One product on offer; null for an unknown id, a withdrawn product or an inactive bank. */
export async function getProduct(db: PrismaClient, productId: string): Promise<TProductDetail | null> {
  if (!isUuid(productId)) return null;
  const r = await db.bankProduct.findFirst({
    where: { AND: [ON_OFFER, { id: productId }] },
    select: { ...PRODUCT_CARD_SELECT, howToApply: true, updatedAt: true },
  });
  return r ? { ...toProductCard(r), howToApply: r.howToApply, updatedAt: r.updatedAt } : null;
}

/** The banks with something on offer, for the bank filter. */
export async function listCatalogueBanks(db: PrismaClient): Promise<Array<{ id: string; name: string }>> {
  return db.organization.findMany({
    where: { kind: OrgKind.BANK, active: true, products: { some: { active: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
