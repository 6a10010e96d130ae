import { revalidatePath } from "next/cache";
import { z } from "zod";
import { uploadAttachment } from "@/lib/attachments/mutations/upload-attachment";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/rules";
import { AppError } from "@/lib/errors";
import { attachmentStore } from "@/lib/server/attachment-store";
import { db } from "@/lib/server/db";
import { BodyTooLargeError, readLimitedFormData } from "@/lib/server/read-limited-form";
import { defineRoute, jsonResponse, ZIdRouteParams } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// The multipart form: one file under "file". Its name and claimed type are not trusted —
// uploadAttachment judges the bytes (PDF, PNG, JPEG or XLSX, at most 10 MB).
const ZUploadForm = z.object({ file: z.instanceof(File) });

// POST /api/requests/<id>/attachments — policy "requests.create": the item's own
// enterprise, while the item is a draft or returned (checked in uploadAttachment, scoped
// to the actor's enterprise, so another tenant's id is not found). Refusals are JSON codes
// the upload widget translates (requestForm.attachments.errors.<code>).
// A route handler rather than a server action: server actions take at most 1 MB.
export const POST = defineRoute({
  name: "attachments.upload",
  policy: "requests.create",
  params: ZIdRouteParams,
  refusals: "json",
  async handler({ request, params, user }) {
    let form: FormData;
    try {
      // The file plus room for the multipart framing, counted as it streams in.
      form = await readLimitedFormData(request, MAX_ATTACHMENT_BYTES + 64 * 1024);
    } catch (error) {
      throw new AppError(error instanceof BodyTooLargeError ? "tooLarge" : "noFile");
    }
    const parsed = ZUploadForm.safeParse({ file: form.get("file") });
    if (!parsed.success) throw new AppError("noFile");
    const { file } = parsed.data;
    if (file.size > MAX_ATTACHMENT_BYTES) throw new AppError("tooLarge");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const attachment = await uploadAttachment(
      db(),
      user,
      { requestId: params.id, fileName: file.name, bytes },
      { store: attachmentStore() },
    );
    revalidatePath(`/requests/${params.id}`);
    return jsonResponse(201, { ok: true, attachment: { ...attachment, createdAt: attachment.createdAt.toISOString() } });
  },
});
