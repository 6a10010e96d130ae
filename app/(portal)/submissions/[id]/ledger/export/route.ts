import { defineRoute, ZIdRouteParams } from "@/lib/server/route";
import { resolutionLedgerDownload } from "../download";

export const dynamic = "force-dynamic";

// An accepted submission's 解决台账 as .xlsx: items, park figures, acceptance and chain heads.
export const GET = defineRoute({
  name: "ledgers.resolutionLedger",
  policy: "submissions.read",
  params: ZIdRouteParams,
  refusals: "text",
  messages: "ledgers",
  handler: (ctx) => resolutionLedgerDownload(ctx, "xlsx"),
});
