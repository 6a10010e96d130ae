/**
 * For integration tests that call server actions, routes and pages' server code directly,
 * without a browser or a session cookie: the signed-in user is whoever the test puts in
 * `session.user` (null: signed out), and the request comes from a fixed address. Used as
 *
 *   vi.mock("@/lib/server/auth/current-user", () => import("../support/signed-in-session").then((m) => m.currentUserModule()));
 *   vi.mock("@/lib/server/auth/request-meta", () => import("../support/signed-in-session").then((m) => m.requestMetaModule("my-test")));
 *
 * with `import { session } from "../support/signed-in-session"`: the factory and the test
 * share this module, so what the test sets is what the mocked modules answer.
 */
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import type { TDefinedAction } from "@/lib/server/action";

export const session: { user: TSessionUser | null } = { user: null };

/** Stands in for lib/server/auth/current-user: every check answers the test's user. */
export function currentUserModule() {
  return {
    getCurrentUser: async () => session.user,
    requireUser: async () => session.user,
    requirePermission: async () => session.user,
  };
}

/** Stands in for lib/server/auth/request-meta: the audit log's address and user agent. */
export function requestMetaModule(userAgent: string, ip = "127.0.0.1") {
  const meta = { ip, userAgent };
  return { requestMeta: async () => meta, metaFromHeaders: () => meta };
}

/** A session for an actor made by a test fixture (no Session row: the mock above reads it). */
export function sessionOfActor(actor: TActorSource, name: string): TSessionUser {
  return {
    sessionId: "00000000-0000-4000-8000-000000000000",
    userId: actor.userId,
    account: name,
    name,
    role: actor.role,
    orgId: actor.orgId,
    orgKind: actor.orgKind,
    orgName: name,
    mustChangePassword: false,
    needsTotpEnrolment: false,
    totpEnabled: true,
  };
}

/** A form post's body, as the browser sends it to a server action. */
export function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** The server actions of one of the request pages' actions modules (e.g. "[id]/actions"). */
export async function requestActions(file: string): Promise<Record<string, TDefinedAction<unknown>>> {
  return (await import(`@/app/(portal)/requests/${file}`)) as Record<string, TDefinedAction<unknown>>;
}
