/**
 * What the server knows about the request in hand, for its one log line and for the 503
 * answer: one AsyncLocalStorage, entered by the server entry (serveRequest) for every
 * request, filled as the request goes (the session check names the user, the action or
 * route wrapper its name and outcome). Outside a request (jobs, tests) there is none and
 * every setter does nothing.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type TRequestContext = {
  requestId: string;
  /** Set when a page's session check found the database unreachable (answered 503). */
  databaseUnavailable: boolean;
  /** Set once the status line is sent: a later failure can no longer change it. */
  responseStarted?: boolean;
  userId?: string;
  orgId?: string;
  /** The server action's or route handler's name. */
  action?: string;
  /** "ok", an error code, or "error" for an unexpected failure. */
  outcome?: string;
  /** Milliseconds the request waited at the render gate (lib/server/render-gate.ts). */
  waitedMs?: number;
};

// On globalThis: the server entry and Next's bundle of this module are two copies, and
// both must reach the same store.
const holder = globalThis as unknown as { rongqiaoRequestState?: AsyncLocalStorage<TRequestContext> };
const store = (holder.rongqiaoRequestState ??= new AsyncLocalStorage<TRequestContext>());

export function runWithRequestContext<T>(context: TRequestContext, work: () => T): T {
  return store.run(context, work);
}

export function requestContext(): TRequestContext | undefined {
  return store.getStore();
}

/** Records who made the request (ids only). */
export function noteRequestUser(user: { userId: string; orgId: string }): void {
  const context = store.getStore();
  if (!context) return;
  context.userId = user.userId;
  context.orgId = user.orgId;
}

/** Records which action or route ran and how it ended. */
export function noteRequestOutcome(action: string, outcome: string): void {
  const context = store.getStore();
  if (!context) return;
  context.action = action;
  context.outcome = outcome;
}
