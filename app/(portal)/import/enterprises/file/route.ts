import { defineRoute } from "@/lib/server/route";
import { importFileHandler } from "../../file-route";

export const dynamic = "force-dynamic";

// GET: the enterprise import template; POST: upload a file, progress streamed back.
// Policy "enterprises.import": park staff (their own park only) and the finance office (any park).
const route = defineRoute({
  name: "enterprises.import",
  policy: "enterprises.import",
  refusals: "text",
  messages: "import",
  handler: importFileHandler("enterprises"),
});
export const GET = route;
export const POST = route;
