import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { deleteAttachment } from "@/lib/attachments/mutations/delete-attachment";
import { getAttachmentFile } from "@/lib/attachments/queries/get-attachment-file";
import { contentDisposition } from "@/lib/attachments/rules";
import { AppError } from "@/lib/errors";
import { attachmentStore } from "@/lib/server/attachment-store";
import { db } from "@/lib/server/db";
import { defineRoute, jsonResponse, ZIdRouteParams } from "@/lib/server/route";
import { logger } from "@/lib/observability/logger";

export const dynamic = "force-dynamic";

// GET /api/attachments/<id> — policy "requests.read": whoever may read the item may
// download its files (scoped through the item; anyone else gets "not found"). Always a
// download (Content-Disposition: attachment) with the type we sniffed at upload, nosniff
// and a sandboxing CSP, so a file can never run as a page of the portal.
export const GET = defineRoute({
  name: "attachments.download",
  policy: "requests.read",
  params: ZIdRouteParams,
  refusals: "json",
  async handler({ params, user }) {
    const file = await getAttachmentFile(db(), user, params.id);
    if (!file) throw new AppError("notFound");
    const bytes = await attachmentStore().get(db(), file.storedName);
    if (!bytes) {
      logger.error({ attachmentId: file.id }, "attachment file missing");
      throw new AppError("notFound");
    }
    // The row's sha256 was taken at upload: a file changed in the store since is not served.
    if (createHash("sha256").update(bytes).digest("hex") !== file.sha256) {
      throw new Error(`attachment file ${file.id} does not match its sha256`);
    }
    return new Response(bytes, {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(bytes.byteLength),
        "Content-Disposition": contentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  },
});

// DELETE /api/attachments/<id> — policy "requests.create": the item's own enterprise while
// the item is a draft or returned (checked in deleteAttachment).
export const DELETE = defineRoute({
  name: "attachments.delete",
  policy: "requests.create",
  params: ZIdRouteParams,
  refusals: "json",
  async handler({ params, user }) {
    const { requestId } = await deleteAttachment(db(), user, params.id, { store: attachmentStore() });
    revalidatePath(`/requests/${requestId}`);
    return jsonResponse(200, { ok: true });
  },
});
