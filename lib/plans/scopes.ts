/**
 * Which assistance plans an actor may see, and which party it is to a plan — in the
 * query's where, so another park's or bank's plan is "not found". Pure.
 *
 * - Finance office and central bank: every plan (the office approves, the central bank
 *   co-leads the program and reads).
 * - A bank: the plans its line drafts (itself and its branches, bankCoverage).
 * - A park: its own park's plan.
 * - Enterprises: nothing.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { areaOfRole } from "@/lib/auth/areas";
import { can, canActor, type TActor } from "@/lib/auth/permissions";
import { bankCoverage, nothing, type TScopeContext } from "@/lib/auth/scopes";
import type { TPlanParty, TPlanViewer } from "./rules";

export function planScope(actor: TActor, ctx: TScopeContext = {}): Prisma.AssistancePlanWhereInput {
  if (!canActor(actor, "plans.read")) return nothing();
  switch (areaOfRole(actor.role)) {
    case "finance":
    case "pbc":
      return {};
    case "bank": {
      const ids = bankCoverage(actor, ctx.bankOrgIds);
      return ids.length > 0 ? { bankOrgId: { in: ids } } : nothing();
    }
    case "park":
      return ctx.parkId ? { parkId: ctx.parkId } : nothing();
    default:
      return nothing();
  }
}

/** The parties the actor acts as on this plan (the bank acts for itself, not its branches). */
export function planViewer(actor: TActor, ctx: TScopeContext, plan: { bankOrgId: string; parkId: string }): TPlanViewer {
  const parties: TPlanParty[] = [];
  const area = areaOfRole(actor.role);
  if (area === "bank" && actor.orgId === plan.bankOrgId) parties.push("bank");
  if (area === "park" && ctx.parkId === plan.parkId) parties.push("park");
  if (area === "finance") parties.push("finance");
  return { permissions: (p) => canActor(actor, p) && can(actor.role, p), parties };
}
