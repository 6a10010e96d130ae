import { describe, expect, it } from "vitest";
import { Role } from "@/lib/generated/prisma/enums";
import { AREAS, areaOfRole, dashboardPath } from "./areas";

describe("areaOfRole", () => {
  it("sends every role to exactly one known area", () => {
    for (const role of Object.values(Role)) expect(AREAS).toContain(areaOfRole(role));
  });

  it("gives each of the five areas at least one role", () => {
    const reached = new Set(Object.values(Role).map(areaOfRole));
    expect([...reached].sort()).toEqual([...AREAS].sort());
  });

  it("builds the dashboard path", () => {
    expect(dashboardPath(Role.BANK_LIAISON)).toBe("/bank");
    expect(dashboardPath(Role.CENTRAL_BANK_STAFF)).toBe("/pbc");
  });
});
