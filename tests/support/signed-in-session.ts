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
