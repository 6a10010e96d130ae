/**
 * Runs a whole transaction again when PostgreSQL chose it as a deadlock victim (or refused
 * it for a serialization conflict): the transaction rolled back and wrote nothing, so
 * trying again is safe. Steps lock tally rows in one order, which makes this rare; a
 * person should never see a 500 for it.
 */
const RETRYABLE_PRISMA_CODES = new Set(["P2034"]);
const RETRYABLE_SQLSTATES = new Set(["40P01", "40001"]);
const ATTEMPTS = 3;

function isRetryable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; meta?: { code?: unknown }; cause?: { code?: unknown }; message?: unknown };
  if (typeof e.code === "string" && (RETRYABLE_PRISMA_CODES.has(e.code) || RETRYABLE_SQLSTATES.has(e.code))) return true;
  if (typeof e.meta?.code === "string" && RETRYABLE_SQLSTATES.has(e.meta.code)) return true;
  if (typeof e.cause?.code === "string" && RETRYABLE_SQLSTATES.has(e.cause.code)) return true;
  return typeof e.message === "string" && /deadlock detected/.test(e.message);
}

export async function retryOnDeadlock<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.floor(Math.random() * 30)));
    }
  }
}
