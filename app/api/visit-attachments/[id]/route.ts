import { createHash } from "node:crypto";
import { contentDisposition } from "@/lib/attachments/rules";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { getVisitAttachmentFile } from "@/lib/visits/queries/get-visit-attachment-file";
import { attachmentStore } from "@/lib/server/attachment-store";
import { db } from "@/lib/server/db";
import { defineRoute, ZIdRouteParams } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// GET /api/visit-attachments/<id> — policy "visits.read": whoever may read the visit may
// download its files (anyone else: not found). Served like request files: always a
// download, the sniffed type, nosniff and a sandboxing CSP.
export const GET = defineRoute({
  name: "visits.download",
  policy: "visits.read",
  params: ZIdRouteParams,
  refusals: "json",
  async handler({ params, user }) {
    const file = await getVisitAttachmentFile(db(), user, params.id);
    if (!file) throw new AppError("notFound");
    const bytes = await attachmentStore().get(db(), file.storedName);
    if (!bytes) {
      logger.error({ visitAttachmentId: file.id }, "visit attachment file missing");
      throw new AppError("notFound");
    }
    if (createHash("sha256").update(bytes).digest("hex") !== file.sha256) {
      throw new Error(`visit attachment file ${file.id} does not match its sha256`);
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
