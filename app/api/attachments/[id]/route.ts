import { revalidatePath } from "next/cache";
import { deleteAttachment } from "@/lib/attachments/mutations/delete-attachment";
import { getAttachmentFile } from "@/lib/attachments/queries/get-attachment-file";
import { AppError } from "@/lib/errors";
import { attachmentStore } from "@/lib/server/attachment-store";
import { db } from "@/lib/server/db";
import { defineRoute, jsonResponse, ZIdRouteParams } from "@/lib/server/route";
import { serveUploadedFile } from "@/lib/server/serve-uploaded-file";

export const dynamic = "force-dynamic";

// GET /api/attachments/<id> — policy "requests.read": whoever may read the item may
// download its files (scoped through the item; anyone else gets "not found"), served as a
// download that can never run as a page (serveUploadedFile).
export const GET = defineRoute({
  name: "attachments.download",
  policy: "requests.read",
  params: ZIdRouteParams,
  refusals: "json",
  async handler({ params, user }) {
    const file = await getAttachmentFile(db(), user, params.id);
    if (!file) throw new AppError("notFound");
    return serveUploadedFile(file, "attachment");
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
