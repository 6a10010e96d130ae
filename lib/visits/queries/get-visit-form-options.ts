/**
 * What the record form offers: for a park window the banks paired with its park this year
 * (main first), for a bank the parks its bank or branches are paired with; each with the
 * first responsible person on file, so the form can say whom the check expects. And the
 * organizations that may take part (finance office, central bank, banks, guarantee
 * companies), active ones by kind and name.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, type PairingRole } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage } from "@/lib/auth/scopes";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { PARTICIPANT_KINDS } from "@/lib/visits/mutations/record-visit";

export type TVisitFormOptions = {
  /** The bank (park window) or park (bank) the visit is with. */
  counterparts: { id: string; name: string; role: PairingRole; firstPersonName: string | null }[];
  participants: { id: string; name: string; kind: OrgKind }[];
};

const PARTICIPANTS_MAX = 300;

export async function getVisitFormOptions(db: PrismaClient, actor: TActorSource, now: Date = new Date()): Promise<TVisitFormOptions> {
  const year = Number(shanghaiDateString(now).slice(0, 4));
  const scope = await loadScopeContext(db, actor);
  const where =
    actor.orgKind === OrgKind.PARK && scope.parkId
      ? { parkId: scope.parkId }
      : actor.orgKind === OrgKind.BANK
        ? { bankOrgId: { in: bankCoverage(actorOf(actor), scope.bankOrgIds) } }
        : null;
  const pairings = where
    ? await db.parkBankPairing.findMany({
        where: { ...where, year, endedAt: null },
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        select: {
          role: true,
          bankOrgId: true,
          parkId: true,
          bank: {
            select: {
              name: true,
              bankContacts: { orderBy: [{ effectiveOn: "desc" }, { filedAt: "desc" }], take: 1, select: { firstPersonName: true } },
            },
          },
          park: { select: { org: { select: { name: true } } } },
        },
      })
    : [];
  const participants = await db.organization.findMany({
    where: { kind: { in: [...PARTICIPANT_KINDS] }, active: true },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    take: PARTICIPANTS_MAX,
    select: { id: true, name: true, kind: true },
  });
  const seen = new Set<string>();
  const counterparts = pairings
    .map((p) =>
      actor.orgKind === OrgKind.PARK
        ? { id: p.bankOrgId, name: p.bank.name, role: p.role, firstPersonName: p.bank.bankContacts[0]?.firstPersonName ?? null }
        : { id: p.parkId, name: p.park.org.name, role: p.role, firstPersonName: p.bank.bankContacts[0]?.firstPersonName ?? null },
    )
    .filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
  return { counterparts, participants };
}
