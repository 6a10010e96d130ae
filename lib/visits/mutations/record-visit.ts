/**
 * The park window (or the paired bank) records a half-yearly visit (走访): the day, the
 * leading president, the organizations taking part, the enterprises visited and the
 * findings. The leader is checked against the bank's first responsible person on file for
 * the visit day: another name is flagged (leaderMismatch), never refused. The other side
 * is notified to confirm (confirm-visit.ts).
 *
 * Refusals (AppError): forbidden (no permission, or an organization that is neither a
 * park nor a bank) · notPaired (the park and bank are not paired in the visit's year) ·
 * invalidInput with fieldErrors: visitedOn "future", participantOrgIds "notFound",
 * enterprises "notInPark" (a USCC not registered in this park).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, ParkVisitStatus, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage } from "@/lib/auth/scopes";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations/notify";
import { leaderMismatch } from "@/lib/visits/rules";
import type { TRecordVisitInput } from "@/lib/visits/schemas";

/** Organizations that may take part in a visit besides the leading bank. */
export const PARTICIPANT_KINDS: readonly OrgKind[] = [
  OrgKind.FINANCE_OFFICE,
  OrgKind.CENTRAL_BANK,
  OrgKind.BANK,
  OrgKind.GUARANTEE_COMPANY,
];

export async function recordVisit(
  db: PrismaClient,
  actor: TActorSource,
  input: TRecordVisitInput,
  opts: { now?: Date } = {},
): Promise<{ visitId: string; leaderMismatch: boolean }> {
  if (!canActor(actorOf(actor), "visits.record")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  if (input.visitedOn > shanghaiDateString(now)) throw new AppError("invalidInput", { visitedOn: "future" });
  const year = Number(input.visitedOn.slice(0, 4));
  const scope = await loadScopeContext(db, actor);

  return db.$transaction(async (tx) => {
    let parkId: string;
    let bankOrgId: string;
    if (actor.orgKind === OrgKind.PARK) {
      if (!scope.parkId) throw new AppError("forbidden");
      parkId = scope.parkId;
      bankOrgId = input.counterpartId;
      const paired = await tx.parkBankPairing.findFirst({ where: { parkId, bankOrgId, year, endedAt: null }, select: { id: true } });
      if (!paired) throw new AppError("notPaired");
    } else if (actor.orgKind === OrgKind.BANK) {
      const covered = bankCoverage(actorOf(actor), scope.bankOrgIds);
      const pairing = await tx.parkBankPairing.findFirst({
        where: { parkId: input.counterpartId, bankOrgId: { in: covered }, year, endedAt: null },
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        select: { parkId: true, bankOrgId: true },
      });
      if (!pairing) throw new AppError("notPaired");
      parkId = pairing.parkId;
      bankOrgId = pairing.bankOrgId;
    } else {
      throw new AppError("forbidden");
    }

    const participantOrgIds = [...new Set(input.participantOrgIds)].filter((id) => id !== bankOrgId);
    if (participantOrgIds.length > 0) {
      const found = await tx.organization.count({
        where: { id: { in: participantOrgIds }, kind: { in: [...PARTICIPANT_KINDS] }, active: true },
      });
      if (found !== participantOrgIds.length) throw new AppError("invalidInput", { participantOrgIds: "notFound" });
    }
    const usccs = [...new Set(input.enterprises)];
    const enterprises =
      usccs.length === 0
        ? []
        : await tx.enterprise.findMany({
            where: { uscc: { in: usccs }, parkId, registrationStatus: RegistrationStatus.APPROVED },
            select: { id: true, uscc: true },
          });
    if (enterprises.length !== usccs.length) throw new AppError("invalidInput", { enterprises: "notInPark" });

    const contact = await tx.bankContact.findFirst({
      where: { bankOrgId, effectiveOn: { lte: new Date(`${input.visitedOn}T00:00:00Z`) } },
      orderBy: [{ effectiveOn: "desc" }, { filedAt: "desc" }],
      select: { firstPersonName: true },
    });
    const expectedLeaderName = contact?.firstPersonName ?? null;
    const mismatch = leaderMismatch(input.leaderName, expectedLeaderName);

    const visit = await tx.parkVisit.create({
      data: {
        parkId,
        bankOrgId,
        visitedOn: new Date(`${input.visitedOn}T00:00:00Z`),
        leaderName: input.leaderName,
        summary: input.summary,
        status: ParkVisitStatus.RECORDED,
        expectedLeaderName,
        leaderMismatch: mismatch,
        recordedByOrgId: actor.orgId,
        recordedById: actor.userId,
        participantOrgIds,
        participantsNote: input.participantsNote,
        enterpriseIds: usccs.map((u) => enterprises.find((e) => e.uscc === u)!.id),
        createdAt: now,
        findings: { create: input.findings.map((text, i) => ({ position: i + 1, text, createdAt: now })) },
      },
      select: { id: true, park: { select: { orgId: true, org: { select: { name: true } } } }, bank: { select: { name: true } } },
    });
    await writeAudit(tx, {
      action: "visits.record",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "ParkVisit",
      targetId: visit.id,
      details: { parkId, bankOrgId, visitedOn: input.visitedOn, leaderMismatch: mismatch, findings: input.findings.length },
    });
    // The other side confirms: the bank's manager and liaison, or the park window.
    const confirmer = actor.orgKind === OrgKind.PARK ? bankOrgId : visit.park.orgId;
    await notify(tx, {
      kind: "visit.recorded",
      orgIds: [confirmer],
      link: `/visits/${visit.id}`,
      params: { park: visit.park.org.name, bank: visit.bank.name, visitedOn: input.visitedOn },
      dedupeKey: `visit.recorded:${visit.id}`,
    });
    return { visitId: visit.id, leaderMismatch: mismatch };
  });
}
