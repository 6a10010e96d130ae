import type { PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing } from "@/lib/auth/scopes";
import { manageableBankIds, productManageScope } from "@/lib/products/scope";
import { PRODUCT_CARD_SELECT, toProductCard, type TProductCard } from "@/lib/products/queries/list-products";

// What a bank sees of its own products: withdrawn ones too, so it can put them back.

export type TOwnProduct = TProductCard & { active: boolean; howToApply: string | null; updatedAt: Date };

const OWN_SELECT = { ...PRODUCT_CARD_SELECT, active: true, howToApply: true, updatedAt: true } as const;

/** Every product of the actor's bank (and its branches, for a parent bank): on offer first. */
export async function listOwnProducts(db: PrismaClient, actor: TActorSource): Promise<TOwnProduct[]> {
  const scope = productManageScope(actorOf(actor), (await loadScopeContext(db, actor)).bankOrgIds);
  if (isNothing(scope)) return [];
  const rows = await db.bankProduct.findMany({
    where: scope,
    orderBy: [{ active: "desc" }, { bank: { name: "asc" } }, { kind: "asc" }, { name: "asc" }, { id: "asc" }],
    take: 500, // a bank publishes a handful; the cap only guards the page
    select: OWN_SELECT,
  });
  return rows.map((r) => ({ ...toProductCard(r), active: r.active, howToApply: r.howToApply, updatedAt: r.updatedAt }));
}

/** One of the actor's own products for the edit form; null when it is not theirs (or does not exist). */
export async function getOwnProduct(db: PrismaClient, actor: TActorSource, productId: string): Promise<TOwnProduct | null> {
  if (!/^[0-9a-f-]{36}$/i.test(productId)) return null;
  const scope = productManageScope(actorOf(actor), (await loadScopeContext(db, actor)).bankOrgIds);
  if (isNothing(scope)) return null;
  const r = await db.bankProduct.findFirst({ where: { AND: [scope, { id: productId }] }, select: OWN_SELECT });
  return r ? { ...toProductCard(r), active: r.active, howToApply: r.howToApply, updatedAt: r.updatedAt } : null;
}

/** The banks the actor may publish for (its own first, then its active branches), for the form. */
export async function listPublishingBanks(db: PrismaClient, actor: TActorSource): Promise<Array<{ id: string; name: string }>> {
  const ids = manageableBankIds(actorOf(actor), (await loadScopeContext(db, actor)).bankOrgIds);
  if (ids.length === 0) return [];
  const banks = await db.organization.findMany({ where: { id: { in: ids }, active: true }, select: { id: true, name: true } });
  return banks.sort((a, b) => (a.id === actor.orgId ? -1 : b.id === actor.orgId ? 1 : a.name.localeCompare(b.name, "zh-CN")));
}
