import { defineRoute } from "@/lib/server/route";
import { importTemplate, importUpload } from "../../file-route";

export const dynamic = "force-dynamic";

// GET: the enterprise import template; POST: upload a file, progress streamed back.
// Policy "enterprises.import": park staff (their own park only) and the finance office (any park).
export const GET = defineRoute({
  name: "enterprises.import",
  policy: "enterprises.import",
  refusals: "text",
  messages: "import",
  handler: (ctx) => importTemplate(ctx, "enterprises"),
});

export const POST = defineRoute({
  name: "enterprises.import",
  policy: "enterprises.import",
  refusals: "text",
  messages: "import",
  handler: (ctx) => importUpload(ctx, "enterprises"),
});
