import { createHash, randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AnswerKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing, requestScope } from "@/lib/auth/scopes";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import { attachmentsUploadable, displayName, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_REQUEST } from "../rules";
import { sniffFileType } from "../sniff";
import type { TAttachmentStore } from "./postgres-attachment-store";

export type TUploadAttachmentInput = { requestId: string; fileName: string; bytes: Uint8Array<ArrayBuffer> };
export type TAttachmentSummary = { id: string; fileName: string; sizeBytes: number; mimeType: string; createdAt: Date };
export type TUploadAttachmentOptions = { store: TAttachmentStore; now?: Date };

/**
 * Adds a file to one of the actor's own items while it is a draft or returned, or while a
 * bank's answer waits for documents (需补充材料).
 * Refusals (AppError): forbidden · notFound (another tenant's item, or none) · emptyFile ·
 * tooLarge · badType · invalidState (no longer editable) · tooMany.
 * The bytes go to the store under a fresh UUID, the row, the status check and the audit
 * entry in one transaction holding the item's row lock (so a concurrent submit cannot slip
 * in between). A transactional store (PostgreSQL) writes the bytes in that transaction;
 * another store's copy is removed again when the transaction fails.
 */
export async function uploadAttachment(
  db: PrismaClient,
  actor: TActorSource,
  input: TUploadAttachmentInput,
  { store, now }: TUploadAttachmentOptions,
): Promise<TAttachmentSummary> {
  if (!canActor(actorOf(actor), "requests.create")) throw new AppError("forbidden");
  if (input.bytes.byteLength === 0) throw new AppError("emptyFile");
  if (input.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new AppError("tooLarge");
  const sniffed = sniffFileType(input.bytes);
  if (!sniffed) throw new AppError("badType");
  const scope = requestScope(actorOf(actor), await loadScopeContext(db, actor));
  if (isNothing(scope)) throw new AppError("notFound");

  const storedName = randomUUID();
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  if (!store.transactional) await store.put(db, storedName, input.bytes);
  try {
    return await db.$transaction(async (tx) => {
      const request = await tx.request.findFirst({ where: { AND: [{ id: input.requestId }, scope] }, select: { id: true } });
      if (!request) throw new AppError("notFound");
      const [locked] = await tx.$queryRaw<{ status: RequestStatus; answerKind: AnswerKind | null }[]>`
        SELECT status, "answerKind" FROM "Request" WHERE id = ${request.id}::uuid FOR UPDATE`;
      if (!locked || !attachmentsUploadable(locked)) throw new AppError("invalidState");
      if ((await tx.attachment.count({ where: { requestId: request.id } })) >= MAX_ATTACHMENTS_PER_REQUEST) throw new AppError("tooMany");
      if (store.transactional) await store.put(tx, storedName, input.bytes);
      const row = await tx.attachment.create({
        data: {
          requestId: request.id,
          storedName,
          sha256,
          mimeType: sniffed.mimeType,
          sizeBytes: input.bytes.byteLength,
          fileName: displayName(input.fileName, sniffed, `attachment-${storedName.slice(0, 8)}`),
          uploadedById: actor.userId,
          ...(now ? { createdAt: now } : {}),
        },
        select: { id: true, fileName: true, sizeBytes: true, mimeType: true, createdAt: true },
      });
      await writeAudit(tx, {
        action: "attachments.upload",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "Request",
        targetId: request.id,
        details: { attachmentId: row.id, sizeBytes: row.sizeBytes, mimeType: row.mimeType, sha256 },
      });
      return row;
    });
  } catch (error) {
    if (!store.transactional) await store.delete(db, storedName);
    throw error;
  }
}
