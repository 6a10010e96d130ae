/**
 * Input schemas have one home: a module's `lib/<module>/schemas.ts`. The server actions
 * import their `schema` from there (they write no zod of their own), and in `lib/` an
 * object schema (`z.object(`) is written in a `schemas.ts` only. `lib/server/` is the
 * exception: the environment, route params and the credentials Auth.js hands over are the
 * framework's inputs, not a module's. A list's keyset cursor (`z.tuple`) is not an input
 * schema either: it stays beside the query whose order it encodes.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSource as read, sourceFilesUnder } from "./source-files";

describe("input schemas", () => {
  const actionFiles = sourceFilesUnder("app").filter((rel) => path.posix.basename(rel) === "actions.ts");

  it("finds the server actions", () => {
    expect(actionFiles.length).toBeGreaterThan(10);
  });

  it("are not written in the server actions' files", () => {
    const offenders = actionFiles.filter((rel) => /from "zod"/.test(read(rel)));
    expect(offenders).toEqual([]);
  });

  it("of every action come from a module's schemas.ts", () => {
    const offenders: string[] = [];
    for (const rel of actionFiles) {
      const source = read(rel);
      for (const [, name] of source.matchAll(/\bschema:\s*([^,\s}]+)/g)) {
        const imported = new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from "@/lib/[a-z0-9-]+/schemas";`);
        if (!/^Z[A-Za-z]+$/.test(name!) || !imported.test(source)) offenders.push(`${rel}: schema ${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("are declared in lib/ only in schemas.ts (lib/server/ aside)", () => {
    const offenders = sourceFilesUnder("lib")
      .filter((rel) => rel.endsWith(".ts") && !rel.endsWith(".test.ts"))
      .filter((rel) => !rel.startsWith("lib/server/") && path.posix.basename(rel) !== "schemas.ts")
      .filter((rel) => /\bz\.object\(/.test(read(rel)));
    expect(offenders).toEqual([]);
  });
});
