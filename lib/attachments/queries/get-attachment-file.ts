import type { PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing, requestScope } from "@/lib/auth/scopes";
import type { TAttachmentSummary } from "@/lib/attachments/mutations/upload-attachment";

export type TAttachmentFile = { id: string; fileName: string; mimeType: string; sizeBytes: number; storedName: string; sha256: string };

/**
 * One attachment for download, scoped through its item: whoever may read the item may
 * read its files; for anyone else the id does not exist (null).
 */
export async function getAttachmentFile(db: PrismaClient, actor: TActorSource, attachmentId: string): Promise<TAttachmentFile | null> {
  const scope = requestScope(actorOf(actor), await loadScopeContext(db, actor));
  if (isNothing(scope)) return null;
  return db.attachment.findFirst({
    where: { id: attachmentId, request: scope },
    select: { id: true, fileName: true, mimeType: true, sizeBytes: true, storedName: true, sha256: true },
  });
}

/** The files of one item the actor may read, oldest first (bounded by the per-item limit). */
export async function listAttachments(db: PrismaClient, actor: TActorSource, requestId: string): Promise<TAttachmentSummary[]> {
  const scope = requestScope(actorOf(actor), await loadScopeContext(db, actor));
  if (isNothing(scope)) return [];
  return db.attachment.findMany({
    where: { requestId, request: scope },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 100,
    select: { id: true, fileName: true, sizeBytes: true, mimeType: true, createdAt: true },
  });
}
