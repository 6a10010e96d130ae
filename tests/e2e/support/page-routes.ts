import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Role } from "@/lib/generated/prisma/enums";
import { PERMISSIONS, isPermission } from "@/lib/auth/permissions";
import { DEMO_USERS } from "@/lib/seed/base";

// Every page of the app, found by walking app/**/page.tsx (so a new page is visited
// without anyone remembering to list it), with the roles that may open it read from the
// page's own check: requirePermission("x") → the roles of x in the permission table,
// requireUser() → every role, renderAreaPage("a") → dashboard.a, no check → public.

export type TPageRoute = {
  /** "/requests/[id]" — the file's route, groups removed. */
  route: string;
  file: string;
  /** null: a public page, visited signed out. */
  roles: readonly Role[] | null;
};

/** The demo logins, one per role they hold; roles without a demo login are not visited. */
export const DEMO_LOGINS: readonly { account: string; role: Role }[] = [
  { account: DEMO_USERS.financeAdmin.account, role: "FINANCE_ADMIN" },
  { account: DEMO_USERS.pbcStaff.account, role: "CENTRAL_BANK_STAFF" },
  { account: DEMO_USERS.bankLiaison.account, role: "BANK_LIAISON" },
  { account: DEMO_USERS.parkWindow.account, role: "PARK_STAFF" },
  { account: DEMO_USERS.enterpriseOwner.account, role: "ENTERPRISE_OWNER" },
  { account: DEMO_USERS.enterpriseMember.account, role: "ENTERPRISE_MEMBER" },
];

const EVERY_ROLE = [...new Set(Object.values(PERMISSIONS).flat())] as Role[];

// A catch-all ([...missing]) is not a page of its own: it answers the addresses that match
// no route with "not found" (tests/e2e/portal-menu.spec.ts visits it).
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "api" || entry.name.startsWith("[...") ? [] : walk(full);
    return entry.name === "page.tsx" ? [full] : [];
  });
}

function routeOf(file: string, appDir: string): string {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

// A page whose check cannot be read from its source fails the run with this message,
// rather than being skipped silently.
function rolesOf(source: string, file: string): readonly Role[] | null {
  const permission = /requirePermission\(\s*["'`]([\w.]+)["'`]\s*\)/.exec(source)?.[1];
  if (permission) {
    if (!isPermission(permission)) throw new Error(`${file}: unknown permission ${permission}`);
    return PERMISSIONS[permission];
  }
  const area = /renderAreaPage\(\s*["'](\w+)["']\s*\)/.exec(source)?.[1];
  if (area) {
    const name = `dashboard.${area}`;
    if (!isPermission(name)) throw new Error(`${file}: unknown area ${area}`);
    return PERMISSIONS[name];
  }
  if (/requireUser\(/.test(source)) return EVERY_ROLE;
  if (file.includes(`${path.sep}(portal)${path.sep}`)) {
    throw new Error(`${file}: a portal page without requirePermission/requireUser — say in page-routes.ts who may open it`);
  }
  return null;
}

export function pageRoutes(root = process.cwd()): TPageRoute[] {
  const appDir = path.join(root, "app");
  return walk(appDir)
    .map((file) => ({ route: routeOf(file, appDir), file: path.relative(root, file), roles: rolesOf(readFileSync(file, "utf8"), file) }))
    .sort((a, b) => a.route.localeCompare(b.route));
}
