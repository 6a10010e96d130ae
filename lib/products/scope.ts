import type { Prisma } from "@/lib/generated/prisma/client";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { bankCoverage, nothing } from "@/lib/auth/scopes";

/**
 * The products a bank user may manage: those of its own bank and, for a parent bank, of
 * its branches (bankOrgIds as loadScopeContext gives them). Anyone else, or a bank user
 * whose coverage is missing, gets nothing — another bank's product is "not found".
 */
export function productManageScope(actor: TActor, bankOrgIds: readonly string[] | undefined): Prisma.BankProductWhereInput {
  const ids = manageableBankIds(actor, bankOrgIds);
  return ids.length > 0 ? { bankOrgId: { in: ids } } : nothing();
}

/** The banks the actor may publish products for (own first); empty when it may not. */
export function manageableBankIds(actor: TActor, bankOrgIds: readonly string[] | undefined): string[] {
  if (!canActor(actor, "products.manage")) return [];
  return bankCoverage(actor, bankOrgIds);
}
