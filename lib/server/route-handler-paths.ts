/**
 * Which request paths Next.js answers with a route handler (a route.ts) rather than a page,
 * read once from the build's app-paths manifest. A multipart POST to a page is what a form
 * sends without JavaScript (Next decodes it as a server action call), while a route
 * handler reads its own body (the upload and import routes take files far over the action
 * limit), so the action-body gate must know which is which. Without a manifest (a dev
 * server that has not built the route yet) nothing is known to be a page: every path counts
 * as a route handler and the gate leaves its body alone, as before.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { nextDistDir } from "./env";

let matchers: RegExp[] | null | undefined;

/** The path pattern of a manifest key: route groups dropped, dynamic segments as wildcards. */
export function routeKeyPattern(key: string): RegExp {
  const segments = key
    .replace(/\/(route|page)$/, "")
    .split("/")
    .filter((s) => s !== "" && !/^\(.*\)$/.test(s))
    .map((s) => {
      if (/^\[\[\.\.\..+\]\]$/.test(s)) return "(?:/.*)?";
      if (/^\[\.\.\..+\]$/.test(s)) return "/.+";
      if (/^\[.+\]$/.test(s)) return "/[^/]+";
      return `/${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    });
  return new RegExp(`^${segments.join("")}/?$`);
}

function load(): RegExp[] | null {
  try {
    const file = path.join(nextDistDir(), "server", "app-paths-manifest.json");
    const keys = Object.keys(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>);
    return keys.filter((k) => k.endsWith("/route")).map(routeKeyPattern);
  } catch {
    return null;
  }
}

/** Whether `pathname` may be a route handler's (true when the build's manifest cannot be read). */
export function isRouteHandlerPath(pathname: string): boolean {
  if (matchers === undefined) matchers = load();
  return matchers === null || matchers.some((m) => m.test(pathname));
}
