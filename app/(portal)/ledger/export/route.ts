import { fileStamp } from "@/lib/audit/csv";
import { exportLedgerAnchors } from "@/lib/ledger/queries/export-ledger-anchors";
import { db } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// GET /ledger/export: every daily anchor of the ledger as CSV, for the finance office to
// keep outside the portal. A role without ledger.integrity gets 404; each export is audited.
export const GET = defineRoute({
  name: "ledger.exportAnchors",
  policy: "ledger.integrity",
  refusals: "text",
  messages: "ledgerIntegrity",
  async handler({ translator }) {
    const t = await translator("ledgerIntegrity");
    const csv = await exportLedgerAnchors(db(), {
      day: t("csv.day"),
      requests: t("csv.requests"),
      entries: t("csv.entries"),
      headsDigest: t("csv.headsDigest"),
      prevDigest: t("csv.prevDigest"),
      digest: t("csv.digest"),
      createdAt: t("csv.createdAt"),
    });
    const stamp = fileStamp(new Date());
    const response = new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="ledger-anchors-${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(t("exportFileName", { stamp }))}`,
        "Cache-Control": "no-store",
      },
    });
    return { response, audit: { action: "ledger.anchorsExported", details: {} } };
  },
});
