/**
 * One visit as its page shows it, scoped (visitScope): null for another park's or bank's
 * visit, which the page answers as "not found".
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrgKind, ParkVisitAttachmentKind, ParkVisitStatus, RequestStatus } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing } from "@/lib/auth/scopes";
import { confirmingSide, visitScope } from "@/lib/visits/rules";

export type TVisitDetail = {
  id: string;
  version: number;
  status: ParkVisitStatus;
  visitedOn: Date;
  parkName: string;
  bankName: string;
  leaderName: string;
  expectedLeaderName: string | null;
  leaderMismatch: boolean;
  summary: string | null;
  recordedByName: string | null;
  /** Which side confirms (the side that did not record it); null for visits entered before recording existed. */
  confirmer: "bank" | "park" | null;
  confirmedAt: Date | null;
  participants: string[];
  participantsNote: string | null;
  enterprises: { id: string; name: string; uscc: string }[];
  findings: {
    id: string;
    position: number;
    text: string;
    enterpriseName: string | null;
    item: { id: string; serial: string; status: RequestStatus } | null;
  }[];
  attachments: { id: string; kind: ParkVisitAttachmentKind; fileName: string; sizeBytes: number; createdAt: Date }[];
};

export async function getVisitDetail(db: PrismaClient, actor: TActorSource, visitId: string): Promise<TVisitDetail | null> {
  const scope = visitScope(actorOf(actor), await loadScopeContext(db, actor));
  if (isNothing(scope)) return null;
  const v = await db.parkVisit.findFirst({
    where: { AND: [{ id: visitId }, scope] },
    select: {
      id: true,
      version: true,
      status: true,
      visitedOn: true,
      leaderName: true,
      expectedLeaderName: true,
      leaderMismatch: true,
      summary: true,
      recordedByOrgId: true,
      confirmedAt: true,
      participantOrgIds: true,
      participantsNote: true,
      enterpriseIds: true,
      park: { select: { org: { select: { name: true } } } },
      bank: { select: { name: true } },
      findings: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          text: true,
          enterprise: { select: { name: true } },
          request: { select: { id: true, serial: true, status: true } },
        },
      },
      attachments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, fileName: true, sizeBytes: true, createdAt: true },
      },
    },
  });
  if (!v) return null;
  const orgIds = [...v.participantOrgIds, ...(v.recordedByOrgId ? [v.recordedByOrgId] : [])];
  const [orgs, enterprises] = await Promise.all([
    orgIds.length ? db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true, kind: true } }) : [],
    v.enterpriseIds.length
      ? db.enterprise.findMany({
          where: { id: { in: v.enterpriseIds } },
          select: { id: true, name: true, uscc: true },
          orderBy: { name: "asc" },
        })
      : [],
  ]);
  const org = new Map(orgs.map((o) => [o.id, o]));
  const recorder = v.recordedByOrgId ? org.get(v.recordedByOrgId) : undefined;
  return {
    id: v.id,
    version: v.version,
    status: v.status,
    visitedOn: v.visitedOn,
    parkName: v.park.org.name,
    bankName: v.bank.name,
    leaderName: v.leaderName,
    expectedLeaderName: v.expectedLeaderName,
    leaderMismatch: v.leaderMismatch,
    summary: v.summary,
    recordedByName: recorder?.name ?? null,
    confirmer: confirmingSide((recorder?.kind ?? null) as OrgKind | null),
    confirmedAt: v.confirmedAt,
    participants: v.participantOrgIds.map((id) => org.get(id)?.name ?? "").filter(Boolean),
    participantsNote: v.participantsNote,
    enterprises,
    findings: v.findings.map((f) => ({
      id: f.id,
      position: f.position,
      text: f.text,
      enterpriseName: f.enterprise?.name ?? null,
      item: f.request,
    })),
    attachments: v.attachments,
  };
}
