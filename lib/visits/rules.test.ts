import { describe, expect, it } from "vitest";
import { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { halfYearOf } from "@/lib/dashboard/park-visits";
import { isNothing } from "@/lib/auth/scopes";
import { confirmingSide, halfYearKey, leaderMismatch, sameName, visitCellState, visitReminderOpen, visitScope } from "./rules";

const at = (local: string) => new Date(`${local}+08:00`);

describe("park visit rules", () => {
  it("compares leaders' names without spaces, and flags another name or none on file", () => {
    expect(sameName("李 行长", "李行长")).toBe(true);
    expect(sameName("李　行长", "李行长")).toBe(true);
    expect(leaderMismatch("李行长", "李行长")).toBe(false);
    expect(leaderMismatch("王副行长", "李行长")).toBe(true);
    expect(leaderMismatch("李行长", null)).toBe(true);
  });

  it("has the other side confirm", () => {
    expect(confirmingSide(OrgKind.PARK)).toBe("bank");
    expect(confirmingSide(OrgKind.BANK)).toBe("park");
    expect(confirmingSide(null)).toBeNull();
    expect(confirmingSide(OrgKind.FINANCE_OFFICE)).toBeNull();
  });

  it("ranks a cell: a clean confirmed visit, then a flagged one, then an unconfirmed one", () => {
    expect(visitCellState({ visited: 1, flagged: 1, pending: 1 })).toBe("visited");
    expect(visitCellState({ visited: 0, flagged: 1, pending: 1 })).toBe("flagged");
    expect(visitCellState({ visited: 0, flagged: 0, pending: 1 })).toBe("pending");
    expect(visitCellState({ visited: 0, flagged: 0, pending: 0 })).toBe("notVisited");
  });

  it("opens the reminder on the first day of the half-year's last month, in Shanghai", () => {
    expect(visitReminderOpen(halfYearOf(at("2026-05-31T23:59:00")), at("2026-05-31T23:59:00"))).toBe(false);
    expect(visitReminderOpen(halfYearOf(at("2026-06-01T00:01:00")), at("2026-06-01T00:01:00"))).toBe(true);
    expect(visitReminderOpen(halfYearOf(at("2026-11-30T12:00:00")), at("2026-11-30T12:00:00"))).toBe(false);
    expect(visitReminderOpen(halfYearOf(at("2026-12-31T23:00:00")), at("2026-12-31T23:00:00"))).toBe(true);
    expect(halfYearKey(halfYearOf(at("2026-12-01T09:00:00")))).toBe("2026H2");
  });

  it("scopes visits: the offices all, a park its own, a bank its subtree's, an enterprise none", () => {
    const actor = (role: Role, orgKind: OrgKind) => ({ userId: "u", orgId: "org", role, orgKind });
    expect(visitScope(actor(Role.FINANCE_STAFF, OrgKind.FINANCE_OFFICE))).toEqual({});
    expect(visitScope(actor(Role.PARK_STAFF, OrgKind.PARK), { parkId: "p" })).toEqual({ parkId: "p" });
    expect(visitScope(actor(Role.BANK_LIAISON, OrgKind.BANK), { bankOrgIds: ["org", "child"] })).toEqual({
      bankOrgId: { in: ["org", "child"] },
    });
    expect(isNothing(visitScope(actor(Role.ENTERPRISE_OWNER, OrgKind.ENTERPRISE), { enterpriseId: "e" }))).toBe(true);
    expect(isNothing(visitScope(actor(Role.PARK_STAFF, OrgKind.PARK)))).toBe(true);
  });
});
