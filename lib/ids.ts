/**
 * Row ids are UUIDs (PostgreSQL uuid columns). An id that arrives from outside (a URL, a
 * form, a cursor) is checked before it reaches a query: a malformed one is "not found",
 * never a database error.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}
