import type { IncomingMessage, ServerResponse } from "node:http";
import { DATABASE_UNAVAILABLE_DIGEST } from "../errors";
import { requestContext, runWithRequestContext, type TRequestContext } from "./request-context";

// Error codes that mean "the database cannot be reached", not "the query was wrong":
// the socket's (refused, reset, timed out, no route), PostgreSQL's connection class (08…)
// and its shutting-down states (57P01–57P03), and Prisma's "can't reach the server" codes.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "EAI_AGAIN",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "57P01",
  "57P02",
  "57P03",
  "P1001",
  "P1002",
  "P1017",
]);

// Driver messages that carry no code (pg's, when the server goes away mid-conversation).
const UNREACHABLE_MESSAGES = [
  /Connection terminated/i,
  /connect ECONNREFUSED/i,
  /Client has encountered a connection error/i,
  /timeout exceeded when trying to connect/i,
];

/**
 * True when `error`, or anything in its cause chain (Prisma keeps the driver adapter's error
 * in `meta.driverAdapterError`), says the database cannot be reached.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof e.code === "string" && UNREACHABLE_CODES.has(e.code)) return true;
    if (e.kind === "DatabaseNotReachable" || e.kind === "ConnectionClosed") return true;
    if (typeof e.message === "string" && UNREACHABLE_MESSAGES.some((re) => re.test(e.message as string))) return true;
    if (current instanceof AggregateError) pending.push(...current.errors);
    pending.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}

/**
 * Thrown by a page's session check when the database cannot be reached. Its digest
 * reaches the error page (production strips messages, not digests) and the server entry
 * answers the request with 503 (answerUnavailableWith503).
 */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause: unknown) {
    super("The database cannot be reached", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * `work`, with "the database cannot be reached" turned into DatabaseUnavailableError and
 * the request marked for a 503. For the loads a page needs before any of it is sent.
 */
export async function orUnavailable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    markDatabaseUnavailable();
    throw new DatabaseUnavailableError(error);
  }
}

/** Marks the current request as failed for want of the database (see answerUnavailableWith503). */
export function markDatabaseUnavailable(): void {
  const state = requestContext();
  if (state) state.databaseUnavailable = true;
}

export const SERVICE_UNAVAILABLE_RETRY_SECONDS = 30;

/**
 * For the server entry: runs Next's handler for one request so that a page whose session
 * check found the database unreachable is answered 503 with Retry-After instead of the
 * status Next would send. Pages check the session in their layout, before any byte of the
 * page is sent, so the status can still be changed when the check fails.
 */
export function answerUnavailableWith503(
  req: IncomingMessage,
  res: ServerResponse,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  state: TRequestContext = { requestId: "", databaseUnavailable: false },
): Promise<void> {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    state.responseStarted = true;
    if (!state.databaseUnavailable) return writeHead(statusCode, ...rest);
    res.setHeader("Retry-After", String(SERVICE_UNAVAILABLE_RETRY_SECONDS));
    res.setHeader("Cache-Control", "no-store");
    return writeHead(503, ...rest.filter((arg) => typeof arg !== "string"));
  }) as ServerResponse["writeHead"];
  return runWithRequestContext(state, () => handle(req, res));
}
