import { defineRoute } from "@/lib/server/route";
import { importFileHandler } from "../../file-route";

export const dynamic = "force-dynamic";

// GET: the bank-contact import template; POST: upload a file, progress streamed back.
// Policy "contacts.import": the finance office administrator.
const route = defineRoute({
  name: "contacts.import",
  policy: "contacts.import",
  refusals: "text",
  messages: "import",
  handler: importFileHandler("contacts"),
});
export const GET = route;
export const POST = route;
