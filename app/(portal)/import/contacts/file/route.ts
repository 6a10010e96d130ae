import { defineRoute } from "@/lib/server/route";
import { importTemplate, importUpload } from "../../file-route";

export const dynamic = "force-dynamic";

// GET: the bank-contact import template; POST: upload a file, progress streamed back.
// Policy "contacts.import": the finance office administrator.
export const GET = defineRoute({
  name: "contacts.import",
  policy: "contacts.import",
  refusals: "text",
  messages: "import",
  handler: (ctx) => importTemplate(ctx, "contacts"),
});

export const POST = defineRoute({
  name: "contacts.import",
  policy: "contacts.import",
  refusals: "text",
  messages: "import",
  handler: (ctx) => importUpload(ctx, "contacts"),
});
