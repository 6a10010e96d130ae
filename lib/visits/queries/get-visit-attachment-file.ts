/**
 * One visit file for download, scoped through its visit: whoever may read the visit may
 * read its files; for anyone else the id does not exist (null).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing } from "@/lib/auth/scopes";
import type { TAttachmentFile } from "@/lib/attachments/queries/get-attachment-file";
import { visitScope } from "@/lib/visits/rules";

export async function getVisitAttachmentFile(db: PrismaClient, actor: TActorSource, attachmentId: string): Promise<TAttachmentFile | null> {
  const scope = visitScope(actorOf(actor), await loadScopeContext(db, actor));
  if (isNothing(scope)) return null;
  return db.parkVisitAttachment.findFirst({
    where: { id: attachmentId, visit: scope },
    select: { id: true, fileName: true, mimeType: true, sizeBytes: true, storedName: true, sha256: true },
  });
}
