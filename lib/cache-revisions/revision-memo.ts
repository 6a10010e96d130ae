import type { TCacheName } from "./queries/cache-revisions-of";
import { knownCacheRevision } from "./known-cache-revision";

/**
 * A process-wide memo of reads that change only when one cached thing's revision does
 * (CacheRevision, raised by triggers on its tables). Within a render the session statement
 * read the revision before any of these reads, so a value kept under it is at least as new
 * as the number says, and any later change raises the number: the next render that reads
 * the new number drops every kept value and reads again. A read from the tables of several
 * cached things (a ranking's entries with the banks' current names) is kept under all their
 * numbers and dropped when any of them rises. Outside a render (actions, jobs,
 * transactions) the revision is unknown and every call reads. Kept values are shared
 * between requests, so callers must not change them.
 */
export function revisionMemo<T>(names: TCacheName | readonly TCacheName[], maxEntries = 256) {
  const all: readonly TCacheName[] = typeof names === "string" ? [names] : names;
  let keptRevision: string | null = null;
  const kept = new Map<string, T>();
  return async function remembered(db: object, key: string, read: () => Promise<T>): Promise<T> {
    const known = knownRevisions(db, all);
    if (known === null) return read();
    if (known !== keptRevision) {
      kept.clear();
      keptRevision = known;
    }
    if (kept.has(key)) {
      // Moved to the end: the Map's order is the order of last use.
      const hit = kept.get(key) as T;
      kept.delete(key);
      kept.set(key, hit);
      return hit;
    }
    const value = await read();
    // Another render may have brought a newer number while this one read: keep the value
    // only under the number it was read for.
    if (keptRevision === known) {
      // Full: the value used longest ago goes, so a city with more banks and parks than
      // `maxEntries` keeps its busiest dashboards instead of starting over.
      if (kept.size >= maxEntries) kept.delete(kept.keys().next().value as string);
      kept.set(key, value);
    }
    return value;
  };
}

/** The numbers of every named cached thing as one string, or null when any is unknown. */
function knownRevisions(db: object, names: readonly TCacheName[]): string | null {
  let joined = "";
  for (const name of names) {
    const known = knownCacheRevision(db, name);
    if (known === null) return null;
    joined = joined === "" ? known : `${joined}/${known}`;
  }
  return joined;
}
