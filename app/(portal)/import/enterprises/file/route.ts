import { importFileRoute } from "../../file-route";

export const dynamic = "force-dynamic";

// GET: the enterprise import template; POST: upload a file, progress streamed back.
// Policy "enterprises.import": park staff (their own park only) and the finance office (any park).
const route = importFileRoute("enterprises");
export const GET = route.GET;
export const POST = route.POST;
