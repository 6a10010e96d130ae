/**
 * The shape of the routes: server actions live only in files named `actions.ts`, each
 * opening with "use server" and the reminder that an action is a public HTTP endpoint;
 * every portal page checks access itself (`requirePermission(…)` or `requireUser()`)
 * instead of relying on the layout; the portal's header and menu are drawn by its layout
 * only, never by a page.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSource as read, sourceFilesUnder } from "./source-files";

const HEADER = '"use server";\n// Server actions are public HTTP endpoints: parse every input, trust nothing.\n';

describe("server actions", () => {
  const files = ["app", "components", "lib"].flatMap((folder) => sourceFilesUnder(folder));

  it("are declared only in files named actions.ts", () => {
    const offenders = files.filter((rel) => /^\s*["']use server["']/m.test(read(rel)) && path.posix.basename(rel) !== "actions.ts");
    expect(offenders).toEqual([]);
  });

  it("files open with use server and the public-endpoint comment", () => {
    const actionFiles = files.filter((rel) => path.posix.basename(rel) === "actions.ts");
    expect(actionFiles.length).toBeGreaterThan(10);
    expect(actionFiles.filter((rel) => !read(rel).startsWith(HEADER))).toEqual([]);
  });
});

describe("portal pages", () => {
  it("check access themselves", () => {
    // The catch-all of addresses that match no route shows nothing but "not found", to
    // visitors too.
    const pages = sourceFilesUnder("app/(portal)").filter(
      (rel) => path.posix.basename(rel) === "page.tsx" && rel !== "app/(portal)/[...missing]/page.tsx",
    );
    expect(pages.length).toBeGreaterThan(20);
    expect(read("app/(portal)/[...missing]/page.tsx")).toMatch(/^\s*notFound\(\);$/m);
    expect(pages.filter((rel) => !/\brequirePermission\(|\brequireUser\(/.test(read(rel)))).toEqual([]);
  });
});

describe("portal loading boundaries", () => {
  // A page behind a loading.tsx (or any Suspense boundary around its data) sends its status
  // with the skeleton, before its data is read: a database failure would answer 200 with a
  // half page, and another tenant's id 200 instead of 404. Without one, every failure of a
  // signed-in page comes before the first byte and answers 5xx (503 without the database).
  it("none exist: a signed-in page answers its status after its data is read", () => {
    const files = ["app/(portal)", "components"].flatMap((folder) => sourceFilesUnder(folder));
    expect(files.filter((rel) => /^loading\.tsx?$/.test(path.posix.basename(rel)))).toEqual([]);
    expect(sourceFilesUnder("app").filter((rel) => /\bSuspense\b/.test(read(rel)))).toEqual([]);
  });
});

describe("the portal frame", () => {
  // Next.js renders the "not found" page ahead with every view, as the fallback of each
  // layout: a frame drawn by the pages would be drawn there again (once per layout, on every
  // page view) to keep the menu on a missing page. Drawn once by the portal's layout, it
  // surrounds the page and its fallbacks alike.
  it("is drawn by the portal's layout and the catalogue's frame only", () => {
    const users = ["app", "components"]
      .flatMap((folder) => sourceFilesUnder(folder))
      .filter((rel) => /\bPortalFrame\b/.test(read(rel)) && !rel.endsWith("/portal-frame.tsx"));
    expect(users.sort()).toEqual(["app/(portal)/layout.tsx", "app/(public)/products/catalogue-frame.tsx"]);
  });

  it("leaves the not-found page without a frame of its own", () => {
    expect(read("app/not-found.tsx")).not.toMatch(/Frame\b/);
  });
});
