import type { Prisma } from "@/lib/generated/prisma/client";
import { OrgKind, PairingRole, type BankLevel } from "@/lib/generated/prisma/enums";
import { areaOfRole } from "@/lib/auth/areas";
import { isCoherentActor, type TActor } from "@/lib/auth/permissions";
import type { TPairingPeriod } from "@/lib/pairings/scopes";

type TDb = Pick<Prisma.TransactionClient, "organization" | "park">;

export type TComplianceGaps = {
  /** Bank branches (sub-branch level or above) without a current 1+1 enterprise this year. */
  banksWithoutOneOnOne: { orgId: string; name: string; bankLevel: BankLevel; parentName: string | null }[];
  /** Parks without a current main contact bank this year. */
  parksWithoutMainBank: { parkId: string; name: string }[];
};

/** Finance office only (the office that follows up); anyone else gets null. */
export function mayViewCompliance(actor: TActor): boolean {
  return isCoherentActor(actor) && areaOfRole(actor.role) === "finance";
}

export async function loadComplianceGaps(db: TDb, actor: TActor, period: TPairingPeriod): Promise<TComplianceGaps | null> {
  if (!mayViewCompliance(actor)) return null;
  const [banks, parks] = await Promise.all([
    db.organization.findMany({
      where: {
        kind: OrgKind.BANK,
        active: true,
        bankLevel: { not: null },
        enterprisePairings: { none: { ...period, endedAt: null } },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, bankLevel: true, parent: { select: { name: true } } },
    }),
    db.park.findMany({
      where: { org: { active: true }, pairings: { none: { ...period, endedAt: null, role: PairingRole.MAIN } } },
      orderBy: { code: "asc" },
      select: { id: true, org: { select: { name: true, shortName: true } } },
    }),
  ]);
  return {
    banksWithoutOneOnOne: banks.map((b) => ({
      orgId: b.id,
      name: b.name,
      bankLevel: b.bankLevel as BankLevel,
      parentName: b.parent?.name ?? null,
    })),
    parksWithoutMainBank: parks.map((p) => ({ parkId: p.id, name: p.org.shortName ?? p.org.name })),
  };
}
