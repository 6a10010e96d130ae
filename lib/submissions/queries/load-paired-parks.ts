import type { Prisma } from "@/lib/generated/prisma/client";
import type { PairingRole } from "@/lib/generated/prisma/enums";

type TDb = Pick<Prisma.TransactionClient, "parkBankPairing">;

export type TPairedPark = { parkId: string; parkName: string; role: PairingRole };

/**
 * The parks a bank reports figures for: its park pairings in the program (main contact
 * bank or participating bank) that had not ended before the quarter began. One row per
 * park (MAIN wins over PARTICIPATING), sorted by park name.
 */
export async function loadPairedParks(
  db: TDb,
  params: { programId: string; bankOrgId: string; quarterStart: Date },
): Promise<TPairedPark[]> {
  const rows = await db.parkBankPairing.findMany({
    where: { programId: params.programId, bankOrgId: params.bankOrgId, OR: [{ endedAt: null }, { endedAt: { gte: params.quarterStart } }] },
    select: { parkId: true, role: true, park: { select: { org: { select: { name: true } } } } },
  });
  const byPark = new Map<string, TPairedPark>();
  for (const r of rows) {
    const seen = byPark.get(r.parkId);
    if (!seen || r.role === "MAIN") byPark.set(r.parkId, { parkId: r.parkId, parkName: r.park.org.name, role: r.role });
  }
  return [...byPark.values()].sort((a, b) => a.parkName.localeCompare(b.parkName, "zh-CN"));
}
