/**
 * Where the park window sends an item: the park's bank pairings for the item's program
 * year, and the branch that actually serves the enterprise.
 *
 * Servicing branch (decision): ParkBankPairing names the paired bank (often a branch),
 * not which of its sub-branches serves a given enterprise. The enterprise's "1+1" pairing
 * does: when the enterprise has an active 1+1 pairing of the same program and year with a
 * bank inside the paired bank's subtree, the item goes to that sub-branch (its account
 * manager already knows the enterprise); otherwise to the paired bank itself. Either way
 * the paired bank's users see and may act on it (a parent bank covers its branches).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { PairingRole } from "@/lib/generated/prisma/enums";
import { bankWithDescendants } from "@/lib/auth/queries/load-scope-context";

type TTx = Prisma.TransactionClient;

export type TParkPairings = { main: string | null; participating: string[] };

export async function parkPairings(tx: TTx, programId: string, year: number, parkId: string): Promise<TParkPairings> {
  const rows = await tx.parkBankPairing.findMany({
    where: { programId, year, parkId, endedAt: null },
    select: { bankOrgId: true, role: true },
    orderBy: { createdAt: "asc" },
  });
  return {
    main: rows.find((r) => r.role === PairingRole.MAIN)?.bankOrgId ?? null,
    participating: rows.filter((r) => r.role === PairingRole.PARTICIPATING).map((r) => r.bankOrgId),
  };
}

/** The paired bank's sub-branch that serves this enterprise (its 1+1 pairing), else the bank. */
export async function servicingBranch(tx: TTx, bankOrgId: string, enterpriseId: string, programId: string, year: number): Promise<string> {
  const subtree = await bankWithDescendants(tx, bankOrgId);
  const oneOnOne = await tx.enterpriseBankPairing.findFirst({
    where: { programId, year, enterpriseId, endedAt: null, bankOrgId: { in: subtree } },
    orderBy: { createdAt: "asc" },
    select: { bankOrgId: true },
  });
  return oneOnOne?.bankOrgId ?? bankOrgId;
}

/** Whether `bankOrgId` is one of `paired` or a branch below one of them. */
export async function isWithinPaired(tx: TTx, bankOrgId: string, paired: readonly string[]): Promise<boolean> {
  for (const p of paired) {
    if ((await bankWithDescendants(tx, p)).includes(bankOrgId)) return true;
  }
  return false;
}
