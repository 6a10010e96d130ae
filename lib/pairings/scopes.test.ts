import { describe, expect, it } from "vitest";
import { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { isNothing } from "@/lib/auth/scopes";
import type { TActor } from "@/lib/auth/permissions";
import { oneOnOneManageableBanks, oneOnOneScope, parkPairingScope } from "./scopes";

const period = { programId: "p", year: 2026 };
const actor = (role: Role, orgKind: OrgKind, orgId = "org-1"): TActor => ({ userId: "u", role, orgId, orgKind });

describe("parkPairingScope", () => {
  it("gives the finance office and the central bank every park", () => {
    expect(parkPairingScope(actor(Role.FINANCE_STAFF, OrgKind.FINANCE_OFFICE), {}, period)).toEqual({});
    expect(parkPairingScope(actor(Role.CENTRAL_BANK_STAFF, OrgKind.CENTRAL_BANK), {}, period)).toEqual({});
  });
  it("gives a bank the parks paired with it or its branches, and nothing without context", () => {
    const bank = actor(Role.BANK_LIAISON, OrgKind.BANK, "b1");
    expect(parkPairingScope(bank, { bankOrgIds: ["b1", "b2"] }, period)).toEqual({
      pairings: { some: { programId: "p", year: 2026, endedAt: null, bankOrgId: { in: ["b1", "b2"] } } },
    });
    expect(isNothing(parkPairingScope(bank, {}, period))).toBe(true);
    expect(isNothing(parkPairingScope(bank, { bankOrgIds: ["other"] }, period))).toBe(true);
  });
  it("gives a park its own park and an enterprise its park", () => {
    expect(parkPairingScope(actor(Role.PARK_STAFF, OrgKind.PARK), { parkId: "k" }, period)).toEqual({ id: "k" });
    expect(isNothing(parkPairingScope(actor(Role.PARK_STAFF, OrgKind.PARK), {}, period))).toBe(true);
    expect(
      parkPairingScope(actor(Role.ENTERPRISE_MEMBER, OrgKind.ENTERPRISE), { enterpriseId: "e", enterpriseParkId: "k" }, period),
    ).toEqual({ id: "k" });
    expect(isNothing(parkPairingScope(actor(Role.ENTERPRISE_MEMBER, OrgKind.ENTERPRISE), { enterpriseId: "e" }, period))).toBe(true);
  });
  it("gives an incoherent actor nothing", () => {
    expect(isNothing(parkPairingScope(actor(Role.FINANCE_ADMIN, OrgKind.BANK), {}, period))).toBe(true);
  });
});

describe("oneOnOneScope", () => {
  it("scopes 1+1 pairings by bank coverage, park or enterprise", () => {
    expect(oneOnOneScope(actor(Role.BANK_MANAGER, OrgKind.BANK, "b1"), { bankOrgIds: ["b1", "b2"] })).toEqual({
      bankOrgId: { in: ["b1", "b2"] },
    });
    expect(oneOnOneScope(actor(Role.PARK_STAFF, OrgKind.PARK), { parkId: "k" })).toEqual({ enterprise: { parkId: "k" } });
    expect(oneOnOneScope(actor(Role.ENTERPRISE_OWNER, OrgKind.ENTERPRISE), { enterpriseId: "e" })).toEqual({ enterpriseId: "e" });
    expect(isNothing(oneOnOneScope(actor(Role.ENTERPRISE_OWNER, OrgKind.ENTERPRISE), {}))).toBe(true);
  });
});

describe("oneOnOneManageableBanks", () => {
  it("is every bank for the admin, the covered banks for a bank manager, nothing for others", () => {
    expect(oneOnOneManageableBanks(actor(Role.FINANCE_ADMIN, OrgKind.FINANCE_OFFICE), {})).toBe("all");
    expect(oneOnOneManageableBanks(actor(Role.BANK_MANAGER, OrgKind.BANK, "b1"), { bankOrgIds: ["b1", "b2"] })).toEqual(["b1", "b2"]);
    expect(oneOnOneManageableBanks(actor(Role.BANK_LIAISON, OrgKind.BANK, "b1"), { bankOrgIds: ["b1"] })).toEqual([]);
    expect(oneOnOneManageableBanks(actor(Role.FINANCE_STAFF, OrgKind.FINANCE_OFFICE), {})).toEqual([]);
  });
});
