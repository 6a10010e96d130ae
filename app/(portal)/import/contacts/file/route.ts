import { importFileRoute } from "../../file-route";

export const dynamic = "force-dynamic";

// GET: the bank-contact import template; POST: upload a file, progress streamed back.
// Policy "contacts.import": the finance office administrator.
const route = importFileRoute("contacts");
export const GET = route.GET;
export const POST = route.POST;
