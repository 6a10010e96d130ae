/**
 * The visits list for its Excel export: the same scope and order as the page, read in
 * keyset batches up to VISIT_EXPORT_CAP rows (a city has a few hundred visits a year).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing } from "@/lib/auth/scopes";
import { visitScope } from "@/lib/visits/rules";

export const VISIT_EXPORT_CAP = 10_000;

export type TVisitExportRow = {
  visitedOn: Date;
  parkName: string;
  bankName: string;
  leaderName: string;
  expectedLeaderName: string | null;
  leaderMismatch: boolean;
  status: string;
  participants: string;
  enterprises: number;
  findings: string;
  items: string;
  confirmedAt: Date | null;
};

export async function readVisitsExport(db: PrismaClient, actor: TActorSource): Promise<{ rows: TVisitExportRow[]; capped: boolean }> {
  const scope = visitScope(actorOf(actor), await loadScopeContext(db, actor));
  if (isNothing(scope)) return { rows: [], capped: false };
  const visits = await db.parkVisit.findMany({
    where: scope,
    orderBy: [{ visitedOn: "desc" }, { id: "desc" }],
    take: VISIT_EXPORT_CAP + 1,
    select: {
      visitedOn: true,
      leaderName: true,
      expectedLeaderName: true,
      leaderMismatch: true,
      status: true,
      participantOrgIds: true,
      participantsNote: true,
      enterpriseIds: true,
      confirmedAt: true,
      park: { select: { org: { select: { name: true } } } },
      bank: { select: { name: true } },
      findings: { orderBy: { position: "asc" }, select: { text: true, request: { select: { serial: true } } } },
    },
  });
  const capped = visits.length > VISIT_EXPORT_CAP;
  const shown = visits.slice(0, VISIT_EXPORT_CAP);
  const orgIds = [...new Set(shown.flatMap((v) => v.participantOrgIds))];
  const orgs = orgIds.length ? await db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
  return {
    capped,
    rows: shown.map((v) => ({
      visitedOn: v.visitedOn,
      parkName: v.park.org.name,
      bankName: v.bank.name,
      leaderName: v.leaderName,
      expectedLeaderName: v.expectedLeaderName,
      leaderMismatch: v.leaderMismatch,
      status: v.status,
      participants: [...v.participantOrgIds.map((id) => nameOf.get(id) ?? ""), ...(v.participantsNote ? [v.participantsNote] : [])]
        .filter(Boolean)
        .join("、"),
      enterprises: v.enterpriseIds.length,
      findings: v.findings.map((f, i) => `${i + 1}. ${f.text}`).join("\n"),
      items: v.findings.flatMap((f) => (f.request ? [f.request.serial] : [])).join("、"),
      confirmedAt: v.confirmedAt,
    })),
  };
}
