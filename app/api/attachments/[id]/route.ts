import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { deleteAttachment } from "@/lib/attachments/mutations/delete-attachment";
import { getAttachmentFile } from "@/lib/attachments/queries/get-attachment";
import { contentDisposition } from "@/lib/attachments/rules";
import { readStoredFile } from "@/lib/attachments/storage";
import { attachmentsDir } from "@/lib/server/env";
import { db } from "@/lib/server/db";
import { failure, gate, json, refusal, type TRouteContext } from "../route-helpers";

export const dynamic = "force-dynamic";

// GET /api/attachments/<id> — policy "requests.read": whoever may read the item may
// download its files (scoped through the item; anyone else gets "not found"). Always a
// download (Content-Disposition: attachment) with the type we sniffed at upload, nosniff
// and a sandboxing CSP, so a file can never run as a page of the portal.
export async function GET(request: Request, context: TRouteContext): Promise<Response> {
  const g = await gate(request, context, "requests.read");
  if (!g.ok) return g.response;
  const file = await getAttachmentFile(db(), g.user, g.id);
  if (!file) return failure(404, "notFound");
  let bytes: Buffer;
  try {
    bytes = await readStoredFile(attachmentsDir(), file.storedName);
  } catch (error) {
    console.error("attachment file missing", file.id, error);
    return failure(404, "notFound");
  }
  // The row's sha256 was taken at upload: a file changed on disk since is not served.
  if (createHash("sha256").update(bytes).digest("hex") !== file.sha256) {
    console.error("attachment file does not match its sha256", file.id);
    return failure(500, "generic");
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}

// DELETE /api/attachments/<id> — additionally "requests.create": the item's own
// enterprise while the item is a draft or returned (checked in deleteAttachment).
export async function DELETE(request: Request, context: TRouteContext): Promise<Response> {
  const g = await gate(request, context, "requests.create");
  if (!g.ok) return g.response;
  try {
    const { requestId } = await deleteAttachment(db(), g.user, g.id, { dir: attachmentsDir() });
    revalidatePath(`/requests/${requestId}`);
    return json(200, { ok: true });
  } catch (error) {
    return refusal(error);
  }
}
