import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AnswerKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing, requestScope } from "@/lib/auth/scopes";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import { attachmentRemovable } from "../rules";
import type { TAttachmentStore } from "./postgres-attachment-store";

/**
 * Removes a file from one of the actor's own items while it is a draft or returned, or one
 * uploaded since a bank asked for documents and not yet sent (attachmentRemovable).
 * A file tied to a ledger entry is part of the resolution ledger and stays
 * ("invalidState"). Refusals: forbidden · notFound · invalidState.
 * The row goes in the transaction (with the item's row lock), and with it the bytes when
 * the store is transactional; another store's copy after the commit, so a failed
 * transaction never leaves a row pointing at nothing.
 */
export async function deleteAttachment(
  db: PrismaClient,
  actor: TActorSource,
  attachmentId: string,
  { store }: { store: TAttachmentStore },
): Promise<{ requestId: string }> {
  if (!canActor(actorOf(actor), "requests.create")) throw new AppError("forbidden");
  const scope = requestScope(actorOf(actor), await loadScopeContext(db, actor));
  if (isNothing(scope)) throw new AppError("notFound");
  const removed = await db.$transaction(async (tx) => {
    const attachment = await tx.attachment.findFirst({
      where: { id: attachmentId, request: scope },
      select: { id: true, requestId: true, storedName: true, ledgerEntryId: true, sha256: true, createdAt: true },
    });
    if (!attachment) throw new AppError("notFound");
    const [locked] = await tx.$queryRaw<{ status: RequestStatus; answerKind: AnswerKind | null; answeredAt: Date | null }[]>`
      SELECT status, "answerKind", "answeredAt" FROM "Request" WHERE id = ${attachment.requestId}::uuid FOR UPDATE`;
    if (!locked || !attachmentRemovable(locked, attachment)) throw new AppError("invalidState");
    await tx.attachment.delete({ where: { id: attachment.id } });
    if (store.transactional) await store.delete(tx, attachment.storedName);
    await writeAudit(tx, {
      action: "attachments.delete",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Request",
      targetId: attachment.requestId,
      details: { attachmentId: attachment.id, sha256: attachment.sha256 },
    });
    return attachment;
  });
  if (!store.transactional) await store.delete(db, removed.storedName);
  return { requestId: removed.requestId };
}
