import type { PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { canActor } from "@/lib/auth/permissions";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";

const MAX_KINDS = 30;

/**
 * The product kinds (科技贷, 信用贷 …) the enterprise may tick as preferred: those of the
 * active products of the banks paired with its park in the current program. Kinds rather
 * than one bank's product names: the enterprise states what it needs, not which bank
 * must serve it (routing is the park window's job).
 */
export async function listPreferredProductKinds(db: PrismaClient, actor: TActorSource, now: Date = new Date()): Promise<string[]> {
  if (!canActor(actorOf(actor), "requests.create")) return [];
  const { enterpriseId } = await loadScopeContext(db, actor);
  if (!enterpriseId) return [];
  const [enterprise, program] = await Promise.all([
    db.enterprise.findUnique({ where: { id: enterpriseId }, select: { parkId: true } }),
    getCurrentProgram(db, undefined, now),
  ]);
  if (!enterprise || !program) return [];
  const pairings = await db.parkBankPairing.findMany({
    where: { programId: program.id, parkId: enterprise.parkId, endedAt: null },
    select: { bankOrgId: true },
  });
  if (pairings.length === 0) return [];
  const products = await db.bankProduct.findMany({
    where: { bankOrgId: { in: pairings.map((p) => p.bankOrgId) }, active: true },
    distinct: ["kind"],
    orderBy: { kind: "asc" },
    take: MAX_KINDS,
    select: { kind: true },
  });
  return products.map((p) => p.kind.trim()).filter((k) => k.length > 0 && k.length <= 60);
}
