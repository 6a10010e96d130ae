import { defineRoute, ZIdRouteParams } from "@/lib/server/route";
import { resolutionLedgerDownload } from "../download";

export const dynamic = "force-dynamic";

// An accepted submission's 解决台账 as PDF (Chinese font embedded), stamped with the chain heads.
export const GET = defineRoute({
  name: "ledgers.resolutionLedgerPdf",
  policy: "submissions.read",
  params: ZIdRouteParams,
  refusals: "text",
  messages: "ledgers",
  handler: (ctx) => resolutionLedgerDownload(ctx, "pdf"),
});
