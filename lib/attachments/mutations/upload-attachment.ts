import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AnswerKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing, requestScope } from "@/lib/auth/scopes";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import { attachmentsUploadable, displayName, MAX_ATTACHMENTS_PER_REQUEST } from "../rules";
import type { TAttachmentStore } from "./postgres-attachment-store";
import { storeUpload } from "./store-upload";

export type TUploadAttachmentInput = { requestId: string; fileName: string; bytes: Uint8Array<ArrayBuffer> };
export type TAttachmentSummary = { id: string; fileName: string; sizeBytes: number; mimeType: string; createdAt: Date };
export type TUploadAttachmentOptions = { store: TAttachmentStore; now?: Date };

/**
 * Adds a file to one of the actor's own items while it is a draft or returned, or while a
 * bank's answer waits for documents (需补充材料).
 * Refusals (AppError): forbidden · notFound (another tenant's item, or none) · emptyFile ·
 * tooLarge · badType · invalidState (no longer editable) · tooMany.
 * The bytes go to the store under a fresh UUID (storeUpload), the row, the status check
 * and the audit entry in one transaction holding the item's row lock (so a concurrent
 * submit cannot slip in between).
 */
export async function uploadAttachment(
  db: PrismaClient,
  actor: TActorSource,
  input: TUploadAttachmentInput,
  { store, now }: TUploadAttachmentOptions,
): Promise<TAttachmentSummary> {
  if (!canActor(actorOf(actor), "requests.create")) throw new AppError("forbidden");
  return storeUpload(db, store, input.bytes, {
    before: async () => {
      const scope = requestScope(actorOf(actor), await loadScopeContext(db, actor));
      if (isNothing(scope)) throw new AppError("notFound");
      return scope;
    },
    write: async (tx, upload, scope) => {
      const request = await tx.request.findFirst({ where: { AND: [{ id: input.requestId }, scope] }, select: { id: true } });
      if (!request) throw new AppError("notFound");
      const [locked] = await tx.$queryRaw<{ status: RequestStatus; answerKind: AnswerKind | null }[]>`
        SELECT status, "answerKind" FROM "Request" WHERE id = ${request.id}::uuid FOR UPDATE`;
      if (!locked || !attachmentsUploadable(locked)) throw new AppError("invalidState");
      if ((await tx.attachment.count({ where: { requestId: request.id } })) >= MAX_ATTACHMENTS_PER_REQUEST) throw new AppError("tooMany");
      await upload.putBytes();
      const { storedName, sha256, sniffed } = upload;
      const row = await tx.attachment.create({
        data: {
          requestId: request.id,
          storedName,
          sha256,
          mimeType: sniffed.mimeType,
          sizeBytes: upload.sizeBytes,
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
    },
  });
}
