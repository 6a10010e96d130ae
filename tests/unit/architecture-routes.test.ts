/**
 * The shape of the routes: server actions live only in files named `actions.ts`, each
 * opening with "use server" and the reminder that an action is a public HTTP endpoint;
 * every portal page checks access itself (`requirePermission(…)` or `requireUser()`)
 * instead of relying on the layout.
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
    const pages = sourceFilesUnder("app/(portal)").filter((rel) => path.posix.basename(rel) === "page.tsx");
    expect(pages.length).toBeGreaterThan(20);
    expect(pages.filter((rel) => !/\brequirePermission\(|\brequireUser\(/.test(read(rel)))).toEqual([]);
  });
});
