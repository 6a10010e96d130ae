import { cache } from "react";
import type { TCacheName, TCacheRevisions } from "./queries/cache-revisions-of";

/**
 * The cache revisions as the signed-in request's session statement read them, kept for one
 * server render per client (React cache keyed by the client object). Outside a render, and
 * for a transaction client, nothing is kept and each cached thing is read fresh.
 */
const known = cache((db: object): { revisions: TCacheRevisions | null } => {
  void db;
  return { revisions: null };
});

export function rememberCacheRevisions(db: object, revisions: TCacheRevisions): void {
  known(db).revisions = revisions;
}

/** The revision of `name` the session statement read for this render and client, or null. */
export function knownCacheRevision(db: object, name: TCacheName): string | null {
  return known(db).revisions?.[name] ?? null;
}
