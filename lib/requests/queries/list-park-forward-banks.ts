import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PairingRole } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";

export type TForwardBank = { id: string; name: string; role: PairingRole };
export type TParkForwardOptions = { programName: string | null; mainBank: TForwardBank | null; banks: TForwardBank[] };

/**
 * The banks the park window may forward to: the banks paired with its own park in the
 * current program (main contact bank first). Nothing for anyone who may not forward.
 */
export async function listParkForwardBanks(db: PrismaClient, actor: TActorSource, now: Date = new Date()): Promise<TParkForwardOptions> {
  const none = { programName: null, mainBank: null, banks: [] };
  if (!canActor(actorOf(actor), "requests.forward")) return none;
  const [{ parkId }, program] = await Promise.all([loadScopeContext(db, actor), getCurrentProgram(db, undefined, now)]);
  if (!parkId || !program) return none;
  const pairings = await db.parkBankPairing.findMany({
    where: { programId: program.id, parkId, endedAt: null, bank: { active: true } },
    orderBy: [{ role: "asc" }, { bank: { name: "asc" } }],
    select: { role: true, bank: { select: { id: true, name: true } } },
  });
  const banks = pairings.map((p) => ({ id: p.bank.id, name: p.bank.name, role: p.role }));
  return { programName: program.name, mainBank: banks.find((b) => b.role === PairingRole.MAIN) ?? null, banks };
}
