/**
 * Several app servers share one database and nothing else: what one server changes, every
 * other shows on its next request. So no data is kept across requests in a server's
 * memory or Next.js's data cache (each server has its own, and tags expire only there):
 * no `unstable_cache`, `"use cache"`, cache tags or time-based revalidation in the app.
 * Attachments' bytes are in the shared store, not on a server's disk.
 */
import { describe, expect, it } from "vitest";
import { readSource, sourceFilesUnder } from "./source-files";

const APP_CODE = [...sourceFilesUnder("lib"), ...sourceFilesUnder("app"), ...sourceFilesUnder("components")].filter(
  (f) => !/\.test\.tsx?$/.test(f) && !f.startsWith("lib/generated/"),
);

const CROSS_REQUEST_CACHES: [RegExp, string][] = [
  [/\bunstable_cache\s*\(/, "unstable_cache"],
  [/^\s*["']use cache(?::[^"']*)?["']/m, '"use cache"'],
  [/\b(?:cacheTag|cacheLife|revalidateTag|updateTag)\s*\(/, "cache tags"],
  [/^export const revalidate\s*=\s*(?!\s|0\b|false\b)/m, "time-based revalidation of a route"],
  [/next:\s*\{[^}]*\brevalidate\s*:/, "fetch revalidation"],
];

function cachesIn(text: string): string[] {
  return CROSS_REQUEST_CACHES.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
}

const DISK_WRITES = /\b(?:writeFile|createWriteStream|appendFile)\s*\(/;

describe("nothing kept per app server", () => {
  it("recognises each kind of cross-request cache", () => {
    expect(cachesIn(`const f = unstable_cache(async () => 1, ["k"]);`)).toEqual(["unstable_cache"]);
    expect(cachesIn(`"use cache";\nexport async function f() {}`)).toEqual(['"use cache"']);
    expect(cachesIn(`  'use cache: remote'`)).toEqual(['"use cache"']);
    expect(cachesIn(`updateTag("x")`)).toEqual(["cache tags"]);
    expect(cachesIn(`export const revalidate = 300;`)).toEqual(["time-based revalidation of a route"]);
    expect(cachesIn(`export const revalidate = 0;`)).toEqual([]);
    expect(cachesIn(`fetch(url, { next: { revalidate: 60 } })`)).toEqual(["fetch revalidation"]);
    expect(cachesIn(`revalidatePath("/pairings")`)).toEqual([]);
  });

  it("no page, route or module keeps data across requests in the server's own cache", () => {
    const found = APP_CODE.flatMap((file) => cachesIn(readSource(file)).map((what) => `${file}: ${what}`));
    expect(found).toEqual([]);
  });

  it("route handlers and server actions write no files to the server's disk (attachments go to the shared store)", () => {
    const handlers = APP_CODE.filter((f) => /^app\/.*(?:route|actions)\.tsx?$/.test(f));
    expect(handlers.length).toBeGreaterThan(10);
    expect(handlers.filter((f) => DISK_WRITES.test(readSource(f)))).toEqual([]);
  });
});
