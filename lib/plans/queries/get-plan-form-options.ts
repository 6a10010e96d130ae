/**
 * What the bank's plan editor offers: the parks the bank is the main bank of in the
 * current program year (pairing not ended) that have no plan yet, and the bank's active
 * products. Bounded by the bank's own pairings and products.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PairingRole } from "@/lib/generated/prisma/enums";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import type { TPlanProduct } from "../rules";

export type TPlanFormOptions = { year: number | null; parks: Array<{ id: string; name: string }>; products: TPlanProduct[] };

export async function getPlanFormOptions(db: PrismaClient, user: TActorSource, now = new Date()): Promise<TPlanFormOptions> {
  const actor = actorOf(user);
  if (!canActor(actor, "plans.draft") || areaOfRole(actor.role) !== "bank") return { year: null, parks: [], products: [] };
  const program = await getCurrentProgram(db, undefined, now);
  const products = await db.bankProduct.findMany({
    where: { bankOrgId: actor.orgId, active: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
    take: 200,
  });
  if (!program) return { year: null, parks: [], products };
  const pairings = await db.parkBankPairing.findMany({
    where: {
      programId: program.id,
      year: program.year,
      bankOrgId: actor.orgId,
      role: PairingRole.MAIN,
      endedAt: null,
      park: { assistancePlans: { none: { programId: program.id, year: program.year } } },
    },
    select: { park: { select: { id: true, org: { select: { name: true } } } } },
    orderBy: { park: { code: "asc" } },
  });
  return { year: program.year, parks: pairings.map((p) => ({ id: p.park.id, name: p.park.org.name })), products };
}
