import { revalidatePath } from "next/cache";
import { z } from "zod";
import { uploadAttachment } from "@/lib/attachments/mutations/upload-attachment";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/rules";
import { attachmentsDir } from "@/lib/server/env";
import { db } from "@/lib/server/db";
import { failure, gate, json, refusal, type TRouteContext } from "../../../attachments/route-helpers";

export const dynamic = "force-dynamic";

// The multipart form: one file under "file". Its name and claimed type are not trusted —
// uploadAttachment judges the bytes (PDF, PNG, JPEG or XLSX, at most 10 MB).
const ZUploadForm = z.object({ file: z.instanceof(File) });

// POST /api/requests/<id>/attachments — policy "requests.create": the item's own
// enterprise, while the item is a draft or returned (checked in uploadAttachment, scoped
// to the actor's enterprise, so another tenant's id is not found).
// A route handler rather than a server action: server actions take at most 1 MB.
export async function POST(request: Request, context: TRouteContext): Promise<Response> {
  const g = await gate(request, context, "requests.create");
  if (!g.ok) return g.response;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_ATTACHMENT_BYTES + 64 * 1024) return failure(413, "tooLarge");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return failure(400, "noFile");
  }
  const parsed = ZUploadForm.safeParse({ file: form.get("file") });
  if (!parsed.success) return failure(400, "noFile");
  const { file } = parsed.data;
  if (file.size > MAX_ATTACHMENT_BYTES) return failure(413, "tooLarge");
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const attachment = await uploadAttachment(db(), g.user, { requestId: g.id, fileName: file.name, bytes }, { dir: attachmentsDir() });
    revalidatePath(`/requests/${g.id}`);
    return json(201, { ok: true, attachment: { ...attachment, createdAt: attachment.createdAt.toISOString() } });
  } catch (error) {
    return refusal(error);
  }
}
