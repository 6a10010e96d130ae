/**
 * Which summonses an actor may see and act on — in the query's where, so another bank's
 * summons is "not found". Pure.
 *
 * - Finance office and central bank: every summons (the office runs them, the central
 *   bank attends and co-signs).
 * - A bank: the summonses of its own organization only. A summons names the bank that was
 *   summoned and is its record alone; a parent bank does not follow its branches' here.
 * - Parks and enterprises: nothing.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { nothing } from "@/lib/auth/scopes";
import { SUMMONS_STEPS, type TSummonsStep } from "./rules";

export function summonsScope(actor: TActor): Prisma.SummonsWhereInput {
  if (!canActor(actor, "summons.read")) return nothing();
  switch (areaOfRole(actor.role)) {
    case "finance":
    case "pbc":
      return {};
    case "bank":
      return { bankOrgId: actor.orgId };
    default:
      return nothing();
  }
}

/** Who may take the step on this summons (the state half is canSummonsStep). */
export function mayTakeSummonsStep(actor: TActor, step: TSummonsStep, bankOrgId: string): boolean {
  const rule = SUMMONS_STEPS[step];
  if (!canActor(actor, rule.permission)) return false;
  return !rule.bankOwn || actor.orgId === bankOrgId;
}
