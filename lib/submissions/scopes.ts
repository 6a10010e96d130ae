/**
 * Which quarterly submissions an actor may see, and act on — in the query's where, so
 * another bank's submission is "not found". Pure (the caller loads the bank's subtree).
 *
 * - Finance office and central bank: every submission (read); the finance office reviews.
 * - A bank: its own submissions and, read-only, those of its branches (a parent bank's
 *   users follow their branches). It hands in only its own organization's: the bank that
 *   holds the park pairing answers for its figures.
 * - Parks and enterprises: nothing.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { bankCoverage, nothing, type TBankContext } from "@/lib/auth/scopes";

export function submissionScope(actor: TActor, ctx: TBankContext = {}): Prisma.QuarterlySubmissionWhereInput {
  if (!canActor(actor, "submissions.read")) return nothing();
  switch (areaOfRole(actor.role)) {
    case "finance":
    case "pbc":
      return {};
    case "bank": {
      const ids = bankCoverage(actor, ctx.bankOrgIds);
      return ids.length > 0 ? { bankOrgId: { in: ids } } : nothing();
    }
    default:
      return nothing();
  }
}

/** May hand in (open, save, submit) this bank's submission: a bank user of that very bank. */
export function maySubmitFor(actor: TActor, bankOrgId: string): boolean {
  return canActor(actor, "submissions.submit") && actor.orgId === bankOrgId;
}

export function mayReview(actor: TActor): boolean {
  return canActor(actor, "submissions.review");
}
