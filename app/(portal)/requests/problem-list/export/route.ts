import { defineRoute } from "@/lib/server/route";
import { problemListDownload } from "../download";

export const dynamic = "force-dynamic";

// The problem list (问题清单) as .xlsx, with the list page's scope and filters.
export const GET = defineRoute({
  name: "ledgers.problemList",
  policy: "problemList.export",
  refusals: "text",
  messages: "ledgers",
  handler: (ctx) => problemListDownload(ctx, "xlsx"),
});
