import { describe, expect, it } from "vitest";
import { Role } from "@/lib/generated/prisma/enums";
import { navigationFor, navigationMenuFor } from "./navigation";

describe("navigationFor", () => {
  it("shows each role only what its permissions open", () => {
    const keys = (role: Role) => navigationFor(role).map((i) => i.key);
    expect(keys(Role.FINANCE_ADMIN)).toEqual([
      "dashboard",
      "requests",
      "supervision",
      "notifications",
      "products",
      "submissions",
      "rankings",
      "evaluations",
      "summons",
      "scoring",
      "targets",
      "rewards",
      "programs",
      "registry",
      "pairings",
      "support",
      "visits",
      "questionnaires",
      "keyLists",
      "events",
      "plans",
      "import",
      "calendar",
      "orgs",
      "users",
      "audit",
      "ledger",
      "jobs",
      "account",
    ]);
    expect(keys(Role.FINANCE_STAFF)).toEqual([
      "dashboard",
      "requests",
      "supervision",
      "notifications",
      "products",
      "submissions",
      "rankings",
      "evaluations",
      "summons",
      "rewards",
      "registry",
      "pairings",
      "support",
      "visits",
      "questionnaires",
      "keyLists",
      "events",
      "plans",
      "ledger",
      "account",
    ]);
    expect(keys(Role.CENTRAL_BANK_STAFF)).toEqual([
      "dashboard",
      "requests",
      "supervision",
      "notifications",
      "products",
      "submissions",
      "rankings",
      "evaluations",
      "summons",
      "rewards",
      "registry",
      "pairings",
      "support",
      "visits",
      "questionnaires",
      "keyLists",
      "events",
      "plans",
      "account",
    ]);
    expect(keys(Role.BANK_MANAGER)).toEqual([
      "dashboard",
      "requests",
      "bankInbox",
      "notifications",
      "products",
      "manageProducts",
      "submissions",
      "rankings",
      "evaluations",
      "summons",
      "rewards",
      "bankLoans",
      "registry",
      "pairings",
      "support",
      "visits",
      "keyLists",
      "events",
      "plans",
      "users",
      "account",
    ]);
    expect(keys(Role.BANK_LIAISON)).toEqual([
      "dashboard",
      "requests",
      "bankInbox",
      "notifications",
      "products",
      "manageProducts",
      "submissions",
      "rankings",
      "evaluations",
      "summons",
      "rewards",
      "bankLoans",
      "registry",
      "pairings",
      "support",
      "visits",
      "keyLists",
      "events",
      "plans",
      "account",
    ]);
    expect(keys(Role.PARK_STAFF)).toEqual([
      "dashboard",
      "problemList",
      "parkQueue",
      "notifications",
      "products",
      "registry",
      "pairings",
      "visits",
      "events",
      "plans",
      "import",
      "users",
      "registrations",
      "account",
    ]);
    expect(keys(Role.ENTERPRISE_OWNER)).toEqual([
      "dashboard",
      "newRequest",
      "myRequests",
      "notifications",
      "products",
      "registry",
      "pairings",
      "events",
      "users",
      "account",
    ]);
    expect(keys(Role.ENTERPRISE_MEMBER)).toEqual([
      "dashboard",
      "newRequest",
      "myRequests",
      "notifications",
      "products",
      "registry",
      "pairings",
      "events",
      "account",
    ]);
  });

  it("links the dashboard to the role's own area", () => {
    expect(navigationFor(Role.BANK_LIAISON)[0]).toEqual({ key: "dashboard", href: "/bank" });
  });
});

describe("navigationMenuFor", () => {
  const shape = (role: Role) =>
    navigationMenuFor(role).map((e) => (e.kind === "link" ? e.item.key : `${e.key}: ${e.items.map((i) => i.key).join(" ")}`));

  it("keeps the daily links single and folds the rest into groups, so the finance office's menu is nine entries", () => {
    expect(shape(Role.FINANCE_ADMIN)).toEqual([
      "dashboard",
      "requests",
      "supervision",
      "notifications",
      "products",
      "reports: submissions rankings evaluations summons scoring targets rewards",
      "directory: registry pairings support visits questionnaires keyLists events plans import",
      "admin: programs calendar orgs users audit ledger jobs",
      "account",
    ]);
    expect(shape(Role.PARK_STAFF)).toEqual([
      "dashboard",
      "problemList",
      "parkQueue",
      "notifications",
      "products",
      "directory: registry pairings visits events plans import",
      "admin: users registrations",
      "account",
    ]);
  });

  it("shows a group of one as its link", () => {
    expect(shape(Role.ENTERPRISE_OWNER)).toEqual([
      "dashboard",
      "newRequest",
      "myRequests",
      "notifications",
      "products",
      "directory: registry pairings events",
      "users",
      "account",
    ]);
  });

  it("loses no link of navigationFor and adds none, for every role", () => {
    for (const role of Object.values(Role)) {
      const flat = navigationMenuFor(role).flatMap((e) => (e.kind === "link" ? [e.item] : e.items));
      expect([...flat].sort((a, b) => a.key.localeCompare(b.key))).toEqual(
        [...navigationFor(role)].sort((a, b) => a.key.localeCompare(b.key)),
      );
    }
  });
});
