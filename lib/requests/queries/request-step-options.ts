/**
 * The choices the detail page's forms offer: the banks a bank may pass an item to, and
 * the banks and default deadline the finance office assigns with. Scoped like every
 * query: an actor who may not take the step gets no choices (the mutation would refuse
 * anyway, and the list itself is information).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, PairingRole } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage, requestScope } from "@/lib/auth/scopes";

export type TBankOption = { id: string; name: string };

/**
 * Participating banks of the item's park in its program year (the pass target must be
 * one), other than the bank now responsible. Only for a bank user covering that bank.
 */
export async function listPassTargets(db: PrismaClient, user: TActorSource, requestId: string): Promise<TBankOption[]> {
  const actor = actorOf(user);
  if (!canActor(actor, "requests.pass")) return [];
  const ctx = await loadScopeContext(db, user);
  const banks = bankCoverage(actor, ctx.bankOrgIds);
  if (banks.length === 0) return [];
  const r = await db.request.findFirst({
    where: { AND: [{ id: requestId, assignedBankId: { in: banks } }, requestScope(actor, ctx)] },
    select: { parkId: true, programId: true, assignedBankId: true, program: { select: { year: true } } },
  });
  if (!r) return [];
  const pairings = await db.parkBankPairing.findMany({
    where: {
      programId: r.programId,
      year: r.program.year,
      parkId: r.parkId,
      role: PairingRole.PARTICIPATING,
      endedAt: null,
      bankOrgId: { not: r.assignedBankId ?? undefined },
      bank: { active: true },
    },
    orderBy: { bank: { name: "asc" } },
    select: { bank: { select: { id: true, name: true } } },
  });
  return pairings.map((p) => p.bank);
}

export type TSupervisionOptions = { banks: TBankOption[]; replyDeadlineDays: number };

/** Every active bank but the one now responsible, and the item's rule version's reply deadline. */
export async function loadSupervisionOptions(db: PrismaClient, user: TActorSource, requestId: string): Promise<TSupervisionOptions | null> {
  const actor = actorOf(user);
  if (!canActor(actor, "requests.supervise")) return null;
  const r = await db.request.findFirst({
    where: { AND: [{ id: requestId }, requestScope(actor)] },
    select: { assignedBankId: true, ruleVersion: { select: { replyDeadlineDays: true } } },
  });
  if (!r) return null;
  const banks = await db.organization.findMany({
    where: { kind: OrgKind.BANK, active: true, ...(r.assignedBankId ? { id: { not: r.assignedBankId } } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return { banks, replyDeadlineDays: r.ruleVersion.replyDeadlineDays };
}
