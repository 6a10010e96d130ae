import type { Role } from "@/lib/generated/prisma/enums";
import { areaOfRole } from "./areas";
import { can, type TPermission } from "./permissions";

// Navigation reads the same permission table as the server, so a role never sees a
// link to a page it may not open.
export type TNavItem = { key: string; href: string };

type TNavEntry = { key: string | ((role: Role) => string); href: (role: Role) => string; permission: TPermission | null };

// One list of items, named for who reads it: the enterprise's own requests, the park's
// problem list (问题清单), everyone else's scoped list.
const requestsKey = (role: Role): string => {
  const area = areaOfRole(role);
  return area === "enterprise" ? "myRequests" : area === "park" ? "problemList" : "requests";
};

const NAV: readonly TNavEntry[] = [
  { key: "dashboard", href: (role) => `/${areaOfRole(role)}`, permission: null },
  { key: "newRequest", href: () => "/requests/new", permission: "requests.create" },
  { key: requestsKey, href: () => "/requests", permission: "requests.read" },
  { key: "parkQueue", href: () => "/park/queue", permission: "requests.forward" },
  { key: "bankInbox", href: () => "/bank/inbox", permission: "requests.sign" },
  { key: "supervision", href: () => "/supervision", permission: "supervision.read" },
  { key: "notifications", href: () => "/notifications", permission: null },
  { key: "products", href: () => "/products", permission: null },
  { key: "manageProducts", href: () => "/products/manage", permission: "products.manage" },
  { key: "submissions", href: () => "/submissions", permission: "submissions.read" },
  { key: "rankings", href: () => "/rankings", permission: "rankings.read" },
  { key: "evaluations", href: () => "/evaluations", permission: "evaluations.read" },
  { key: "summons", href: () => "/summons", permission: "summons.read" },
  { key: "scoring", href: () => "/scoring", permission: "scoring.manage" },
  { key: "targets", href: () => "/targets", permission: "targets.manage" },
  { key: "rewards", href: () => "/rewards", permission: "rewards.read" },
  { key: "bankLoans", href: () => "/bank/loans", permission: "loans.record" },
  { key: "programs", href: () => "/programs", permission: "programs.manage" },
  { key: "registry", href: () => "/registry", permission: "contacts.read" },
  { key: "pairings", href: () => "/pairings", permission: "pairings.read" },
  { key: "support", href: () => "/support", permission: "support.read" },
  { key: "visits", href: () => "/visits", permission: "visits.read" },
  { key: "questionnaires", href: () => "/questionnaires", permission: "questionnaires.read" },
  { key: "keyLists", href: () => "/key-lists", permission: "keyLists.read" },
  { key: "events", href: () => "/events", permission: "events.read" },
  { key: "plans", href: () => "/plans", permission: "plans.read" },
  { key: "import", href: () => "/import", permission: "enterprises.import" },
  { key: "calendar", href: () => "/calendar", permission: "calendar.manage" },
  { key: "orgs", href: () => "/orgs", permission: "orgs.create" },
  { key: "users", href: () => "/users", permission: "users.manageOwnOrg" },
  { key: "registrations", href: () => "/park/registrations", permission: "registrations.review" },
  { key: "audit", href: () => "/audit", permission: "audit.read" },
  { key: "ledger", href: () => "/ledger", permission: "ledger.integrity" },
  { key: "jobs", href: () => "/jobs", permission: "jobs.manage" },
  { key: "account", href: () => "/account", permission: "account.changePassword" },
];

export function navigationFor(role: Role): TNavItem[] {
  return NAV.filter((e) => e.permission === null || can(role, e.permission)).map((e) => ({
    key: typeof e.key === "function" ? e.key(role) : e.key,
    href: e.href(role),
  }));
}

/** The menu's groups, in the order they follow the role's single links. */
export const NAV_GROUPS = ["reports", "directory", "admin"] as const;
export type TNavGroupKey = (typeof NAV_GROUPS)[number];

// Twenty links do not fit one row at 1366 px (the finance office's screens): the less
// daily pages go into groups, each a dropdown on a wide screen and a titled section
// behind 菜单 on a phone. The daily work (dashboard, lists, inbox, notifications,
// products) stays one click away; the account link closes the row.
const GROUP_OF: Readonly<Record<string, TNavGroupKey>> = {
  submissions: "reports",
  rankings: "reports",
  evaluations: "reports",
  summons: "reports",
  scoring: "reports",
  targets: "reports",
  rewards: "reports",
  bankLoans: "reports",
  registry: "directory",
  pairings: "directory",
  support: "directory",
  visits: "directory",
  questionnaires: "directory",
  events: "directory",
  plans: "directory",
  import: "directory",
  programs: "admin",
  calendar: "admin",
  orgs: "admin",
  users: "admin",
  registrations: "admin",
  audit: "admin",
  ledger: "admin",
  jobs: "admin",
  keyLists: "directory",
};

export type TNavMenuEntry = { kind: "link"; item: TNavItem } | { kind: "group"; key: TNavGroupKey; items: TNavItem[] };

/**
 * navigationFor's links as the menu shows them: the ungrouped links, then each group the
 * role has (a group of one is just its link), then the account link.
 */
export function navigationMenuFor(role: Role): TNavMenuEntry[] {
  const items = navigationFor(role);
  const link = (item: TNavItem): TNavMenuEntry => ({ kind: "link", item });
  const groups = NAV_GROUPS.map((key): TNavMenuEntry | null => {
    const members = items.filter((i) => GROUP_OF[i.key] === key);
    if (members.length === 0) return null;
    return members.length === 1 ? link(members[0]!) : { kind: "group", key, items: members };
  }).filter((e): e is TNavMenuEntry => e !== null);
  const single = items.filter((i) => !GROUP_OF[i.key] && i.key !== "account").map(link);
  const account = items.filter((i) => i.key === "account").map(link);
  return [...single, ...groups, ...account];
}
