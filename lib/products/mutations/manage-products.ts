import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { isNothing } from "@/lib/auth/scopes";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { manageableBankIds, productManageScope } from "../scope";
import type { TCreateProductInput, TProductValues, TUpdateProductInput } from "../schemas";
import { isUuid } from "@/lib/ids";

// A bank publishes and maintains its own products (and, for a parent bank, its
// branches'). Another bank's product is "notFound", never "forbidden". Each change is
// audited in the same transaction. Inputs arrive parsed by schemas.ts (ranges checked).

/** Audit details: BigInt is not JSON, so amounts are written as fen strings. */
function auditValues(v: TProductValues): Record<string, Prisma.InputJsonValue | null> {
  return { ...v, minAmountFen: v.minAmountFen?.toString() ?? null, maxAmountFen: v.maxAmountFen?.toString() ?? null };
}

// Two products of one bank with the same name would be indistinguishable in the catalogue
// and in the request form's preferred products.
async function assertNameFree(tx: Prisma.TransactionClient, bankOrgId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.bankProduct.findFirst({
    where: { bankOrgId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new AppError("invalidInput", { name: "duplicateName" });
}

export async function createProduct(
  db: PrismaClient,
  actor: TActor,
  input: TCreateProductInput,
  meta: TRequestMeta,
): Promise<{ productId: string }> {
  if (!canActor(actor, "products.manage")) throw new AppError("forbidden");
  const banks = manageableBankIds(actor, (await loadScopeContext(db, actor)).bankOrgIds);
  const bankOrgId = input.bankOrgId ?? actor.orgId;
  if (!banks.includes(bankOrgId)) throw new AppError("notFound");
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, bankOrgId, input.values.name);
    const { id } = await tx.bankProduct.create({ data: { bankOrgId, ...input.values }, select: { id: true } });
    await writeAudit(tx, {
      action: "products.created",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "BankProduct",
      targetId: id,
      ...meta,
      details: { bankOrgId, ...auditValues(input.values) },
    });
    return { productId: id };
  });
}

async function ownProductWhere(db: PrismaClient, actor: TActor, productId: string): Promise<Prisma.BankProductWhereInput> {
  if (!canActor(actor, "products.manage")) throw new AppError("forbidden");
  const scope = productManageScope(actor, (await loadScopeContext(db, actor)).bankOrgIds);
  if (!isUuid(productId) || isNothing(scope)) throw new AppError("notFound");
  return { AND: [scope, { id: productId }] };
}

/** Replaces every field; records only the fields that changed (nothing when none did). */
export async function updateProduct(db: PrismaClient, actor: TActor, input: TUpdateProductInput, meta: TRequestMeta): Promise<void> {
  const where = await ownProductWhere(db, actor, input.productId);
  await db.$transaction(async (tx) => {
    const current = await tx.bankProduct.findFirst({
      where,
      select: {
        bankOrgId: true,
        name: true,
        kind: true,
        minAmountFen: true,
        maxAmountFen: true,
        minTermMonths: true,
        maxTermMonths: true,
        minRateBpOverLpr: true,
        maxRateBpOverLpr: true,
        collateral: true,
        targets: true,
        howToApply: true,
      },
    });
    if (!current) throw new AppError("notFound");
    const before = auditValues(current as TProductValues);
    const after = auditValues(input.values);
    const changed: Record<string, { before: Prisma.InputJsonValue | null; after: Prisma.InputJsonValue | null }> = {};
    for (const key of Object.keys(after)) {
      if ((before[key] ?? null) !== (after[key] ?? null)) changed[key] = { before: before[key] ?? null, after: after[key] ?? null };
    }
    if (Object.keys(changed).length === 0) return;
    if (changed.name) await assertNameFree(tx, current.bankOrgId, input.values.name, input.productId);
    await tx.bankProduct.update({ where: { id: input.productId }, data: input.values });
    await writeAudit(tx, {
      action: "products.updated",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "BankProduct",
      targetId: input.productId,
      ...meta,
      details: { changed },
    });
  });
}

async function setActive(db: PrismaClient, actor: TActor, productId: string, active: boolean, meta: TRequestMeta): Promise<void> {
  const where = await ownProductWhere(db, actor, productId);
  await db.$transaction(async (tx) => {
    // Conditional update: re-checks scope and state in one statement, so a repeated click
    // changes nothing and records nothing.
    const { count } = await tx.bankProduct.updateMany({ where: { AND: [where, { active: !active }] }, data: { active } });
    if (count === 0) {
      const exists = await tx.bankProduct.count({ where });
      if (exists === 0) throw new AppError("notFound");
      return;
    }
    await writeAudit(tx, {
      action: active ? "products.reactivated" : "products.deactivated",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "BankProduct",
      targetId: productId,
      ...meta,
    });
  });
}

/** Withdraws the product from the catalogue; the bank still sees (and can restore) it. */
export function deactivateProduct(db: PrismaClient, actor: TActor, productId: string, meta: TRequestMeta): Promise<void> {
  return setActive(db, actor, productId, false, meta);
}

export function reactivateProduct(db: PrismaClient, actor: TActor, productId: string, meta: TRequestMeta): Promise<void> {
  return setActive(db, actor, productId, true, meta);
}
