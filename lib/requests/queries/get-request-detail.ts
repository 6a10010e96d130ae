import { verifyChain } from "@/lib/ledger/hash";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  AnswerKind,
  CloseReason,
  EscalationReason,
  LedgerAction,
  Rating,
  RequestStatus,
  RequestType,
} from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { requestScope, type TScopeContext } from "@/lib/auth/scopes";

export type TRequestDetail = {
  id: string;
  serial: string;
  type: RequestType;
  status: RequestStatus;
  title: string;
  description: string;
  amountFen: string | null;
  enterpriseName: string;
  parkName: string;
  assignedBankName: string | null;
  submittedAt: Date | null;
  dueAt: Date | null;
  version: number;
  purpose: string | null;
  termMonths: number | null;
  collateral: string | null;
  neededBy: Date | null;
  preferredProducts: string[];
  parkId: string;
  enterpriseId: string;
  assignedBankId: string | null;
  forwardedAt: Date | null;
  signedAt: Date | null;
  answeredAt: Date | null;
  answerKind: AnswerKind | null;
  /** The latest answer as given (JSON), or null. */
  answer: Prisma.JsonValue | null;
  escalatedAt: Date | null;
  escalationReason: EscalationReason | null;
  remindedAt: Date | null;
  inBulletin: boolean;
  closedAt: Date | null;
  closeReason: CloseReason | null;
  rating: Rating | null;
  ratingComment: string | null;
  returnReason: string | null;
  returnDisputedAt: Date | null;
  returnDisputeNote: string | null;
  withdrawnAfterAnswer: boolean;
  withdrawalCheckedAt: Date | null;
  dueProvisional: boolean;
  copyBanks: { id: string; name: string }[];
  /** The park visit whose finding this item came from, or null. */
  sourceVisit: { id: string; visitedOn: Date; bank: { name: string } } | null;
  /** The matching event whose bank intention this item came from. */
  sourceEvent: { id: string; title: string; startsAt: Date } | null;
  /** `sent`: part of a ledger entry (sent with the documents a bank asked for); such a file stays. */
  attachments: { id: string; fileName: string; sizeBytes: number; mimeType: string; createdAt: Date; sent: boolean }[];
  /** The rule version's days: the banks' reply deadline and the enterprise's documents limit. */
  replyDeadlineDays: number;
  supplementDeadlineDays: number;
  /** The first entry of the item's ledger that does not verify against its hash chain (it was altered), or null. */
  ledgerBrokenAtSeq: number | null;
  timeline: {
    seq: number;
    action: LedgerAction;
    occurredAt: Date;
    actorName: string | null;
    actorOrgName: string | null;
    note: string | null;
    content: Prisma.JsonValue;
  }[];
};

/**
 * One request with its ledger, as the actor may see it: the scope is in the query, so
 * another tenant's id returns null ("not found"), exactly like an id that does not exist.
 * A caller that already holds the actor's scope context passes it (no second load).
 */
export async function getRequestDetail(
  db: PrismaClient,
  user: TActorSource,
  requestId: string,
  ctx?: TScopeContext,
): Promise<TRequestDetail | null> {
  const where = requestScope(actorOf(user), ctx ?? (await loadScopeContext(db, user)));
  const r = await db.request.findFirst({
    where: { AND: [{ id: requestId }, where] },
    select: {
      id: true,
      serial: true,
      type: true,
      status: true,
      title: true,
      description: true,
      amountFen: true,
      submittedAt: true,
      dueAt: true,
      version: true,
      purpose: true,
      termMonths: true,
      collateral: true,
      neededBy: true,
      preferredProducts: true,
      parkId: true,
      enterpriseId: true,
      assignedBankId: true,
      forwardedAt: true,
      signedAt: true,
      answeredAt: true,
      answerKind: true,
      answer: true,
      escalatedAt: true,
      escalationReason: true,
      remindedAt: true,
      inBulletin: true,
      closedAt: true,
      closeReason: true,
      rating: true,
      ratingComment: true,
      returnReason: true,
      returnDisputedAt: true,
      returnDisputeNote: true,
      withdrawnAfterAnswer: true,
      withdrawalCheckedAt: true,
      dueProvisional: true,
      enterprise: { select: { name: true } },
      park: { select: { org: { select: { name: true } } } },
      assignedBank: { select: { name: true } },
      sourceVisit: { select: { id: true, visitedOn: true, bank: { select: { name: true } } } },
      sourceEvent: { select: { id: true, title: true, startsAt: true } },
      routes: { where: { role: "COPY" }, orderBy: { createdAt: "asc" }, select: { bank: { select: { id: true, name: true } } } },
      attachments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, fileName: true, sizeBytes: true, mimeType: true, createdAt: true, ledgerEntryId: true },
      },
      ruleVersion: { select: { replyDeadlineDays: true, supplementDeadlineDays: true } },
      ledger: {
        orderBy: { seq: "asc" },
        select: {
          seq: true,
          action: true,
          occurredAt: true,
          note: true,
          content: true,
          actor: { select: { name: true } },
          actorOrgId: true,
          // What the hash covers, to check the chain on every view.
          actorUserId: true,
          fromStatus: true,
          toStatus: true,
          prevHash: true,
          hash: true,
        },
      },
    },
  });
  if (!r) return null;
  // Ledger actor orgs in one query (LedgerEntry keeps the org id, not a relation).
  const orgIds = [...new Set(r.ledger.map((e) => e.actorOrgId).filter((id): id is string => id !== null))];
  const orgNames = new Map(
    orgIds.length === 0
      ? []
      : (await db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]),
  );
  const { enterprise, park, assignedBank, routes, ledger, amountFen, attachments, ruleVersion, ...fields } = r;
  const broken = verifyChain(ledger.map((e) => ({ ...e, requestId: r.id })));
  return {
    ...fields,
    ledgerBrokenAtSeq: broken < 0 ? null : broken + 1,
    attachments: attachments.map(({ ledgerEntryId, ...a }) => ({ ...a, sent: ledgerEntryId !== null })),
    replyDeadlineDays: ruleVersion.replyDeadlineDays,
    supplementDeadlineDays: ruleVersion.supplementDeadlineDays,
    amountFen: amountFen?.toString() ?? null,
    enterpriseName: enterprise.name,
    parkName: park.org.name,
    assignedBankName: assignedBank?.name ?? null,
    copyBanks: routes.map((x) => x.bank),
    timeline: ledger.map((e) => ({
      seq: e.seq,
      action: e.action,
      occurredAt: e.occurredAt,
      actorName: e.actor?.name ?? null,
      actorOrgName: e.actorOrgId ? (orgNames.get(e.actorOrgId) ?? null) : null,
      note: e.note,
      content: e.content,
    })),
  };
}
