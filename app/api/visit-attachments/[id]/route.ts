import { AppError } from "@/lib/errors";
import { getVisitAttachmentFile } from "@/lib/visits/queries/get-visit-attachment-file";
import { db } from "@/lib/server/db";
import { defineRoute, ZIdRouteParams } from "@/lib/server/route";
import { serveUploadedFile } from "@/lib/server/serve-uploaded-file";

export const dynamic = "force-dynamic";

// GET /api/visit-attachments/<id> — policy "visits.read": whoever may read the visit may
// download its files (anyone else: not found), served like an item's files (serveUploadedFile).
export const GET = defineRoute({
  name: "visits.download",
  policy: "visits.read",
  params: ZIdRouteParams,
  refusals: "json",
  async handler({ params, user }) {
    const file = await getVisitAttachmentFile(db(), user, params.id);
    if (!file) throw new AppError("notFound");
    return serveUploadedFile(file, "visit attachment");
  },
});
