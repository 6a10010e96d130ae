/**
 * Adds a sign-in sheet, photo or other file to a visit the actor's side took part in (the
 * park window or the visiting bank), through the same store, sniffing, limits and naming
 * as request attachments (lib/attachments). Files are kept: a visit's record stands as
 * confirmed, so there is no removal.
 * Refusals (AppError): forbidden · notFound (another park's or bank's visit) · emptyFile ·
 * tooLarge · badType · tooMany.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ParkVisitAttachmentKind } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing } from "@/lib/auth/scopes";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { displayName, MAX_ATTACHMENTS_PER_REQUEST } from "@/lib/attachments/rules";
import type { TAttachmentStore } from "@/lib/attachments/mutations/postgres-attachment-store";
import { storeUpload } from "@/lib/attachments/mutations/store-upload";
import { AppError } from "@/lib/errors";
import { visitScope } from "@/lib/visits/rules";

export type TVisitAttachmentSummary = { id: string; kind: ParkVisitAttachmentKind; fileName: string; sizeBytes: number; createdAt: Date };

export async function uploadVisitAttachment(
  db: PrismaClient,
  actor: TActorSource,
  input: { visitId: string; kind: ParkVisitAttachmentKind; fileName: string; bytes: Uint8Array<ArrayBuffer> },
  { store, now }: { store: TAttachmentStore; now?: Date },
): Promise<TVisitAttachmentSummary> {
  if (!canActor(actorOf(actor), "visits.record")) throw new AppError("forbidden");
  return storeUpload(db, store, input.bytes, {
    before: async () => {
      const scope = visitScope(actorOf(actor), await loadScopeContext(db, actor));
      if (isNothing(scope)) throw new AppError("notFound");
      return scope;
    },
    write: async (tx, upload, scope) => {
      const visit = await tx.parkVisit.findFirst({ where: { AND: [{ id: input.visitId }, scope] }, select: { id: true } });
      if (!visit) throw new AppError("notFound");
      await tx.$queryRaw`SELECT id FROM "ParkVisit" WHERE id = ${visit.id}::uuid FOR UPDATE`;
      if ((await tx.parkVisitAttachment.count({ where: { visitId: visit.id } })) >= MAX_ATTACHMENTS_PER_REQUEST)
        throw new AppError("tooMany");
      await upload.putBytes();
      const { storedName, sha256, sniffed } = upload;
      const row = await tx.parkVisitAttachment.create({
        data: {
          visitId: visit.id,
          kind: input.kind,
          storedName,
          sha256,
          mimeType: sniffed.mimeType,
          sizeBytes: upload.sizeBytes,
          fileName: displayName(input.fileName, sniffed, `visit-${storedName.slice(0, 8)}`),
          uploadedById: actor.userId,
          ...(now ? { createdAt: now } : {}),
        },
        select: { id: true, kind: true, fileName: true, sizeBytes: true, createdAt: true },
      });
      await writeAudit(tx, {
        action: "visits.upload",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "ParkVisit",
        targetId: visit.id,
        details: { attachmentId: row.id, kind: row.kind, sizeBytes: row.sizeBytes, sha256 },
      });
      return row;
    },
  });
}
