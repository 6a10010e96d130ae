import { describe, expect, it } from "vitest";
import { MatchEventStatus, OrgKind, Role } from "@/lib/generated/prisma/enums";
import { beijingInstant, eventPhase, eventScope, mayManageEvent, quarterOf, registrationOpen } from "./rules";

const actor = (role: Role, orgKind: OrgKind, orgId = "org-1") => ({ userId: "u", role, orgId, orgKind });

describe("matching event rules", () => {
  it("reads a Beijing day and time as the UTC instant", () => {
    expect(beijingInstant("2026-12-10", "09:30").toISOString()).toBe("2026-12-10T01:30:00.000Z");
  });

  it("scopes a park window and an enterprise to city-wide events and their park's", () => {
    expect(eventScope(actor(Role.FINANCE_STAFF, OrgKind.FINANCE_OFFICE))).toEqual({});
    expect(eventScope(actor(Role.BANK_LIAISON, OrgKind.BANK))).toEqual({});
    expect(eventScope(actor(Role.PARK_STAFF, OrgKind.PARK), { parkId: "p1" })).toEqual({ OR: [{ parkId: null }, { parkId: "p1" }] });
    expect(eventScope(actor(Role.ENTERPRISE_MEMBER, OrgKind.ENTERPRISE), {}, "p2")).toEqual({ OR: [{ parkId: null }, { parkId: "p2" }] });
  });

  it("lets the organiser and the finance office manage, nobody else", () => {
    expect(mayManageEvent(actor(Role.PARK_STAFF, OrgKind.PARK, "park-org"), { organiserOrgId: "park-org" })).toBe(true);
    expect(mayManageEvent(actor(Role.PARK_STAFF, OrgKind.PARK, "other"), { organiserOrgId: "park-org" })).toBe(false);
    expect(mayManageEvent(actor(Role.FINANCE_STAFF, OrgKind.FINANCE_OFFICE), { organiserOrgId: "park-org" })).toBe(true);
    expect(mayManageEvent(actor(Role.BANK_MANAGER, OrgKind.BANK, "park-org"), { organiserOrgId: "park-org" })).toBe(false);
  });

  it("derives the phase and closes registration at the start", () => {
    const now = new Date("2026-12-05T00:00:00Z");
    const base = { status: MatchEventStatus.OPEN, startsAt: new Date("2026-12-06T00:00:00Z"), capacity: 2, registeredCount: 1 };
    expect(eventPhase(base, now)).toBe("open");
    expect(eventPhase({ ...base, registeredCount: 2 }, now)).toBe("full");
    expect(eventPhase({ ...base, startsAt: now }, now)).toBe("awaitingAttendance");
    expect(eventPhase({ ...base, status: MatchEventStatus.HELD }, now)).toBe("held");
    expect(registrationOpen(base, now)).toBe(true);
    expect(registrationOpen({ ...base, startsAt: now }, now)).toBe(false);
  });
});

describe("quarterOf", () => {
  it("takes the Beijing quarter, also across the UTC new year", () => {
    const q = quarterOf(new Date("2026-12-31T17:00:00Z"));
    expect(q).toMatchObject({ year: 2027, quarter: 1 });
    expect(q.from.toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(quarterOf(new Date("2026-12-05T00:00:00Z")).to.toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });
});
