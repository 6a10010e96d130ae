import { revalidatePath } from "next/cache";
import { z } from "zod";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/rules";
import { AppError } from "@/lib/errors";
import { ParkVisitAttachmentKind } from "@/lib/generated/prisma/enums";
import { uploadVisitAttachment } from "@/lib/visits/mutations/upload-visit-attachment";
import { attachmentStore } from "@/lib/server/attachment-store";
import { db } from "@/lib/server/db";
import { BodyTooLargeError, readLimitedFormData } from "@/lib/server/read-limited-form";
import { defineRoute, jsonResponse, ZIdRouteParams } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const ZUploadForm = z.object({ file: z.instanceof(File), kind: z.nativeEnum(ParkVisitAttachmentKind) });

// POST /api/visits/<id>/attachments — policy "visits.record": the park window or the bank
// of the visit (scoped in uploadVisitAttachment, so another park's visit is not found).
// One file under "file" and its kind (sign-in sheet, photo, other); judged by its bytes.
// A route handler rather than a server action: server actions take at most 1 MB.
export const POST = defineRoute({
  name: "visits.upload",
  policy: "visits.record",
  params: ZIdRouteParams,
  refusals: "json",
  async handler({ request, params, user }) {
    let form: FormData;
    try {
      form = await readLimitedFormData(request, MAX_ATTACHMENT_BYTES + 64 * 1024);
    } catch (error) {
      throw new AppError(error instanceof BodyTooLargeError ? "tooLarge" : "noFile");
    }
    const parsed = ZUploadForm.safeParse({ file: form.get("file"), kind: form.get("kind") });
    if (!parsed.success) throw new AppError("noFile");
    const { file, kind } = parsed.data;
    if (file.size > MAX_ATTACHMENT_BYTES) throw new AppError("tooLarge");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const attachment = await uploadVisitAttachment(
      db(),
      user,
      { visitId: params.id, kind, fileName: file.name, bytes },
      { store: attachmentStore() },
    );
    revalidatePath(`/visits/${params.id}`);
    return jsonResponse(201, { ok: true, attachment: { ...attachment, createdAt: attachment.createdAt.toISOString() } });
  },
});
