import { fileStamp } from "@/lib/audit/csv";
import { auditCsvChunks } from "@/lib/audit/queries/audit-csv-chunks";
import { AUDIT_EXPORT_MAX_ROWS, parseAuditSearch } from "@/lib/audit/schemas";
import { db } from "@/lib/server/db";
import { defineRoute, textResponse } from "@/lib/server/route";
import { exportLabels } from "../labels";
import { logger } from "@/lib/observability/logger";

export const dynamic = "force-dynamic";

// GET /audit/export?<the page's filters>: the search as a streamed CSV file. A role without
// audit.export gets 404 (the page does not exist for it). Every export is itself audited,
// with its filters, before the first row is read.
export const GET = defineRoute({
  name: "audit.export",
  policy: "audit.export",
  refusals: "text",
  messages: "audit",
  async handler({ request, translator }) {
    const t = await translator("audit");
    const parsed = parseAuditSearch(new URL(request.url).searchParams);
    if (!parsed.ok) {
      const lines = Object.values(parsed.errors).map((code) => t(`errors.${code}`));
      return textResponse(400, `${t("invalid")}\n${lines.join("\n")}`);
    }
    const { filters } = parsed;

    const chunks = auditCsvChunks(db(), filters, exportLabels(t));
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          logger.error({ err: error }, "audit export failed");
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return({ rows: 0, capped: false });
      },
    });

    const stamp = fileStamp(new Date());
    const response = new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(t("exportFileName", { stamp }))}`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
    return { response, audit: { action: "audit.exported", details: { filters, maxRows: AUDIT_EXPORT_MAX_ROWS } } };
  },
});
