/**
 * The browser gets only the message namespaces a route's client components translate
 * (lib/i18n/messages/client.ts). This reads the source: every useTranslations("ns…") in a
 * client module (a "use client" file, or one it imports) must be given, for every page,
 * error, loading or layout file that renders that "use client" file, by
 * CLIENT_NAMESPACES_EVERYWHERE or by a <ClientMessages namespaces={[…]}> in a layout.tsx at
 * or above that file's folder: the namespace itself or the part of it the call names
 * (useTranslations("requests.statuses") is given by "requests" or "requests.statuses").
 * A module a server component imports directly is rendered on the server and needs none.
 * A miss would show raw keys in the browser.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES_EVERYWHERE, pickNamespaces } from "./messages/client";

const root = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path.relative(root, full)] : [];
  });
}

const files = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(root, d)));
const text = new Map(files.map((f) => [f, readFileSync(path.join(root, f), "utf8")]));

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.normalize(path.join(path.dirname(from), spec));
  else return null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base]) {
    if (text.has(candidate)) return candidate;
  }
  return null;
}

const imports = new Map(
  files.map((f) => [
    f,
    [...text.get(f)!.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)]
      .map((m) => resolveImport(f, m[1]!))
      .filter((x): x is string => x !== null),
  ]),
);
const importers = new Map<string, Set<string>>();
for (const [f, targets] of imports) for (const t of targets) importers.set(t, (importers.get(t) ?? new Set()).add(f));

// Each "use client" file and everything it imports: what the browser renders below it.
const clientBoundaries = files.filter((f) => /^\s*["']use client["']/.test(text.get(f)!));
function importedFrom(boundary: string): Set<string> {
  const reached = new Set<string>([boundary]);
  for (const pending = [boundary]; pending.length > 0;) {
    for (const t of imports.get(pending.pop()!) ?? []) {
      if (!reached.has(t)) {
        reached.add(t);
        pending.push(t);
      }
    }
  }
  return reached;
}
const belowBoundary = new Map(clientBoundaries.map((b) => [b, importedFrom(b)]));
const clientModules = new Set([...belowBoundary.values()].flatMap((reached) => [...reached]));

const ENTRY = /^app\/(.+\/)?(page|layout|template|error|loading|not-found|default)\.tsx$/;

// The route files that render a module, following imports back up.
function entriesRendering(module: string): Set<string> {
  const entries = new Set<string>(ENTRY.test(module) ? [module] : []);
  const seen = new Set<string>([module]);
  for (const pending = [module]; pending.length > 0;) {
    for (const importer of importers.get(pending.pop()!) ?? []) {
      if (seen.has(importer)) continue;
      seen.add(importer);
      if (ENTRY.test(importer)) entries.add(importer);
      pending.push(importer);
    }
  }
  return entries;
}

// What the layouts from the app root down to a folder give to the client.
function namespacesGivenAt(folder: string): Set<string> {
  const given = new Set<string>(CLIENT_NAMESPACES_EVERYWHERE);
  const parts = folder.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const layout = path.join(root, ...parts.slice(0, i), "layout.tsx");
    if (!existsSync(layout)) continue;
    for (const m of readFileSync(layout, "utf8").matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)) {
      for (const ns of m[1]!.matchAll(/"([^"]+)"/g)) given.add(ns[1]!);
    }
  }
  return given;
}

// "requests.statuses" is given by "requests" or by "requests.statuses" (or a part above it).
function isGiven(name: string, given: ReadonlySet<string>): boolean {
  const keys = name.split(".");
  return keys.some((_, i) => given.has(keys.slice(0, i + 1).join(".")));
}

describe("client messages", () => {
  it("gives every client component the namespaces it translates, on every route that renders it", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [boundary, reached] of belowBoundary) {
      const used = new Map<string, string>();
      for (const file of reached) {
        for (const m of text.get(file)!.matchAll(/useTranslations\(\s*"([^"]+)"/g)) used.set(m[1]!, file);
      }
      if (used.size === 0) continue;
      for (const entry of entriesRendering(boundary)) {
        // An error boundary renders inside the layouts above its own folder.
        const folder = path.dirname(entry);
        const given = namespacesGivenAt(/\/(error|not-found)\.tsx$/.test(entry) ? path.dirname(folder) : folder);
        for (const [name, file] of used) {
          checked++;
          if (!isGiven(name, given)) missing.push(`${file} needs "${name}" on ${entry}`);
        }
      }
    }
    // A namespace that is not a literal cannot be checked: name it in the call.
    for (const file of clientModules) {
      if (/useTranslations\(\s*[^\s"]/.test(text.get(file)!)) missing.push(`${file} calls useTranslations without a literal namespace`);
    }
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it("picks only the namespaces asked for, plus the ones every page needs", () => {
    const messages = { errors: { a: "1" }, programs: { b: "2" }, portal: { c: "3" } };
    expect(pickNamespaces(messages, ["programs"])).toEqual({ errors: { a: "1" }, programs: { b: "2" } });
    expect(pickNamespaces(messages, [])).toEqual({ errors: { a: "1" } });
  });

  it("picks a part of a namespace, several parts side by side, and nothing for a part that is not there", () => {
    const messages = { errors: { a: "1" }, requests: { types: { LOAN: "融资" }, statuses: { OPEN: "办理中" }, form: { title: "t" } } };
    expect(
      pickNamespaces(messages, [
        "requests.types",
        "requests.statuses",
        "requests.missing" as "requests.x",
        "requests.types.LOAN.deeper" as "requests.x",
      ]),
    ).toEqual({
      errors: { a: "1" },
      requests: { types: { LOAN: "融资" }, statuses: { OPEN: "办理中" } },
    });
    // A whole namespace and a part of it: the whole, and the shared messages stay as they were.
    const before = structuredClone(messages);
    expect(pickNamespaces(messages, ["requests", "requests.types"]).requests).toBe(messages.requests);
    expect(pickNamespaces(messages, ["requests.types", "requests"]).requests).toBe(messages.requests);
    expect(messages).toEqual(before);
  });
});
