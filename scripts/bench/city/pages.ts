/** The pages the city benchmark measures, and the demo login each is viewed as. */
import { existsSync } from "node:fs";
import path from "node:path";

export type TPage = {
  path: string;
  account: string;
  /** Also measured under concurrent load. */
  load: boolean;
  /**
   * Measured for comparison, not judged: the portal's lightest signed-in page (the frame,
   * the session and the menu around a short form) shows how much of a page's cost is the
   * frame every page pays, and how much is the page's own work.
   */
  reference?: boolean;
};

export const PAGES: readonly TPage[] = [
  { path: "/enterprise", account: "enterprise.owner", load: true },
  { path: "/park", account: "park.window", load: false },
  { path: "/park/queue", account: "park.window", load: false },
  { path: "/bank", account: "bank.liaison", load: true },
  { path: "/bank/inbox", account: "bank.liaison", load: true },
  { path: "/finance", account: "finance.admin", load: false },
  { path: "/requests", account: "finance.admin", load: false },
  { path: "/supervision", account: "finance.admin", load: false },
  { path: "/registry/enterprises", account: "finance.admin", load: false },
  { path: "/pbc", account: "pbc.staff", load: false },
  { path: "/account", account: "enterprise.owner", load: true, reference: true },
];

/** The pages `--only` selects (all when undefined); throws on a path that is not listed. */
export function selectPages(only: readonly string[] | undefined): TPage[] {
  if (!only) return [...PAGES];
  const unknown = only.filter((p) => !PAGES.some((page) => page.path === p));
  if (unknown.length > 0)
    throw new Error(`--only: not a benchmarked page: ${unknown.join(", ")} (pages: ${PAGES.map((p) => p.path).join(", ")})`);
  return PAGES.filter((page) => only.includes(page.path));
}

/**
 * Pages whose route file is missing under app/(portal): the list above must follow the
 * routes when they are renamed, and a 404 would otherwise only show up as a failure.
 */
export function missingRoutes(projectRoot: string, pages: readonly TPage[]): string[] {
  return pages
    .filter((p) => !existsSync(path.join(projectRoot, "app", "(portal)", ...p.path.split("/").filter(Boolean), "page.tsx")))
    .map((p) => p.path);
}
