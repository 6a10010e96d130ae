import type { TActionPolicy } from "./action";

// Every route handler under app/ with the rule it applies. The authorization-matrix
// test fails when a route.ts file is missing here. Handlers check the policy
// themselves; this list is what the test holds them to.
export const ROUTE_POLICIES: Record<string, TActionPolicy> = {
  "app/api/health/route.ts": "public",
  // Auth.js endpoints: session, CSRF token, sign-out, and the credentials callback,
  // which runs the same authenticate() as the sign-in page.
  "app/api/auth/[...nextauth]/route.ts": "public",
  "app/(portal)/audit/export/route.ts": "audit.export",
  "app/(portal)/registry/enterprises/export/route.ts": "registry.export",
  "app/(portal)/registry/banks/export/route.ts": "registry.export",
  "app/(portal)/registry/parks/export/route.ts": "registry.export",
  "app/(portal)/registry/guarantors/export/route.ts": "registry.export",
  "app/(portal)/import/enterprises/file/route.ts": "enterprises.import",
  "app/(portal)/import/contacts/file/route.ts": "contacts.import",
  // Request attachments: upload by the item's enterprise (POST); download by anyone who
  // may read the item (GET, scoped), removal by the enterprise while editable (DELETE).
  "app/api/requests/[id]/attachments/route.ts": "requests.create",
  "app/api/attachments/[id]/route.ts": "requests.read",
  // A published ranking's bulletin (PDF) and Excel export; drafts are not found.
  "app/(portal)/rankings/[id]/bulletin/route.ts": "rankings.read",
  "app/(portal)/rankings/[id]/export/route.ts": "rankings.read",
};
