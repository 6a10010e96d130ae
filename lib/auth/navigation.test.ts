import { describe, expect, it } from "vitest";
import { Role } from "@/lib/generated/prisma/enums";
import { navigationFor } from "./navigation";

describe("navigationFor", () => {
  it("shows each role only what its permissions open", () => {
    const keys = (role: Role) => navigationFor(role).map((i) => i.key);
    expect(keys(Role.FINANCE_ADMIN)).toEqual(["dashboard", "requests", "supervision", "notifications", "products", "submissions", "rankings", "scoring", "programs", "registry", "pairings", "import", "calendar", "orgs", "users", "audit", "account"]);
    expect(keys(Role.FINANCE_STAFF)).toEqual(["dashboard", "requests", "supervision", "notifications", "products", "submissions", "rankings", "registry", "pairings", "account"]);
    expect(keys(Role.CENTRAL_BANK_STAFF)).toEqual(["dashboard", "requests", "supervision", "notifications", "products", "submissions", "rankings", "registry", "pairings", "account"]);
    expect(keys(Role.BANK_MANAGER)).toEqual(["dashboard", "requests", "bankInbox", "notifications", "products", "manageProducts", "submissions", "rankings", "registry", "pairings", "users", "account"]);
    expect(keys(Role.BANK_LIAISON)).toEqual(["dashboard", "requests", "bankInbox", "notifications", "products", "manageProducts", "submissions", "rankings", "registry", "pairings", "account"]);
    expect(keys(Role.PARK_STAFF)).toEqual(["dashboard", "problemList", "parkQueue", "notifications", "products", "registry", "pairings", "import", "users", "registrations", "account"]);
    expect(keys(Role.ENTERPRISE_OWNER)).toEqual(["dashboard", "newRequest", "myRequests", "notifications", "products", "registry", "pairings", "users", "account"]);
    expect(keys(Role.ENTERPRISE_MEMBER)).toEqual(["dashboard", "newRequest", "myRequests", "notifications", "products", "registry", "pairings", "account"]);
  });

  it("links the dashboard to the role's own area", () => {
    expect(navigationFor(Role.BANK_LIAISON)[0]).toEqual({ key: "dashboard", href: "/bank" });
  });
});
