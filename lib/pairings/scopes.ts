import type { Prisma } from "@/lib/generated/prisma/client";
import { areaOfRole } from "@/lib/auth/areas";
import { bankCoverage, nothing, type TScopeContext } from "@/lib/auth/scopes";
import { canActor, type TActor } from "@/lib/auth/permissions";

// Who sees which pairings (pairings.read, scoped in the where like lib/auth/scopes.ts).
// Pure functions: the caller loads the context. Missing context gives nothing.
//   finance office, central bank: every park and every 1+1 pairing;
//   bank: the parks paired with it or a branch below it, and its (and its branches') 1+1;
//   park: its own park, and the 1+1 pairings of its enterprises;
//   enterprise: its park's banks and its own 1+1 bank.

export type TPairingScopeContext = TScopeContext & {
  /** For an enterprise: the park it belongs to. */
  enterpriseParkId?: string;
};

export type TPairingPeriod = { programId: string; year: number };

/** Parks whose line-up of banks the actor may see, for the program year. */
export function parkPairingScope(actor: TActor, ctx: TPairingScopeContext, period: TPairingPeriod): Prisma.ParkWhereInput {
  if (!canActor(actor, "pairings.read")) return nothing();
  switch (areaOfRole(actor.role)) {
    case "finance":
    case "pbc":
      return {};
    case "bank": {
      const ids = bankCoverage(actor, ctx.bankOrgIds);
      if (ids.length === 0) return nothing();
      return { pairings: { some: { ...period, endedAt: null, bankOrgId: { in: ids } } } };
    }
    case "park":
      return ctx.parkId ? { id: ctx.parkId } : nothing();
    case "enterprise":
      return ctx.enterpriseId && ctx.enterpriseParkId ? { id: ctx.enterpriseParkId } : nothing();
  }
}

/** "1+1" pairings the actor may see. */
export function oneOnOneScope(actor: TActor, ctx: TPairingScopeContext): Prisma.EnterpriseBankPairingWhereInput {
  if (!canActor(actor, "pairings.read")) return nothing();
  switch (areaOfRole(actor.role)) {
    case "finance":
    case "pbc":
      return {};
    case "bank": {
      const ids = bankCoverage(actor, ctx.bankOrgIds);
      return ids.length > 0 ? { bankOrgId: { in: ids } } : nothing();
    }
    case "park":
      return ctx.parkId ? { enterprise: { parkId: ctx.parkId } } : nothing();
    case "enterprise":
      return ctx.enterpriseId ? { enterpriseId: ctx.enterpriseId } : nothing();
  }
}

/**
 * The banks whose 1+1 pairings the actor may change (pairings.manageOneOnOne): every
 * bank for the finance office administrator ("all"), its own bank and the branches
 * below it for a bank manager, nothing for anyone else.
 */
export function oneOnOneManageableBanks(actor: TActor, ctx: TScopeContext): "all" | string[] {
  if (!canActor(actor, "pairings.manageOneOnOne")) return [];
  const area = areaOfRole(actor.role);
  if (area === "finance") return "all";
  if (area === "bank") return bankCoverage(actor, ctx.bankOrgIds);
  return [];
}
