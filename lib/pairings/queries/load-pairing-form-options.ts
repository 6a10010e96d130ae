import type { Prisma } from "@/lib/generated/prisma/client";
import { OrgKind, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { canActor, type TActor } from "@/lib/auth/permissions";
import type { TScopeContext } from "@/lib/auth/scopes";
import { oneOnOneManageableBanks } from "@/lib/pairings/scopes";

type TDb = Pick<Prisma.TransactionClient, "organization" | "park" | "enterprise">;

export type TOption = { value: string; label: string };

export type TPairingFormOptions = {
  /** For park–bank pairings (pairings.manage). */
  parks: TOption[];
  banks: TOption[];
  /** For 1+1 pairings (pairings.manageOneOnOne): the banks the actor may pair, and enterprises. */
  oneOnOneBanks: TOption[];
  enterprises: TOption[];
};

/**
 * Choices for the change forms, limited to what the actor may change: every park and
 * bank for the administrator; for a bank manager its own bank and branches. Enterprises
 * are the approved ones (name and park only, no personal data).
 */
export async function loadPairingFormOptions(db: TDb, actor: TActor, ctx: TScopeContext): Promise<TPairingFormOptions> {
  const manageParks = canActor(actor, "pairings.manage");
  const oneOnOne = oneOnOneManageableBanks(actor, ctx);
  const mayOneOnOne = oneOnOne === "all" || oneOnOne.length > 0;
  const [parks, banks, oneOnOneBanks, enterprises] = await Promise.all([
    manageParks
      ? db.park.findMany({
          where: { org: { active: true } },
          orderBy: { code: "asc" },
          select: { id: true, org: { select: { name: true, shortName: true } } },
        })
      : [],
    manageParks
      ? db.organization.findMany({
          where: { kind: OrgKind.BANK, active: true },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          select: { id: true, name: true },
        })
      : [],
    mayOneOnOne
      ? db.organization.findMany({
          where: { kind: OrgKind.BANK, active: true, bankLevel: { not: null }, ...(oneOnOne === "all" ? {} : { id: { in: oneOnOne } }) },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          select: { id: true, name: true },
        })
      : [],
    mayOneOnOne
      ? db.enterprise.findMany({
          where: { registrationStatus: RegistrationStatus.APPROVED, org: { active: true } },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          select: { id: true, name: true, park: { select: { org: { select: { name: true, shortName: true } } } } },
        })
      : [],
  ]);
  return {
    parks: parks.map((p) => ({ value: p.id, label: p.org.shortName ?? p.org.name })),
    banks: banks.map((b) => ({ value: b.id, label: b.name })),
    oneOnOneBanks: oneOnOneBanks.map((b) => ({ value: b.id, label: b.name })),
    enterprises: enterprises.map((e) => ({ value: e.id, label: `${e.name}（${e.park.org.shortName ?? e.park.org.name}）` })),
  };
}
