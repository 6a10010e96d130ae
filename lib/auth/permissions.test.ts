import { describe, expect, it } from "vitest";
import { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { areaOfRole } from "./areas";
import {
  PERMISSIONS,
  PERMISSION_NAMES,
  can,
  canActor,
  isPermission,
  orgKindOfRole,
  permissionsOf,
  type TActor,
  type TPermission,
} from "./permissions";

const ROLES = Object.values(Role);
const ENTRIES = Object.entries(PERMISSIONS) as [TPermission, readonly Role[]][];

function holders(permission: TPermission): Role[] {
  return ROLES.filter((role) => can(role, permission)).sort();
}

describe("the permission table", () => {
  it("names every permission area.verb in lowerCamel", () => {
    for (const name of PERMISSION_NAMES) expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });

  it("gives every permission at least one role, only real roles, none twice", () => {
    for (const [permission, roles] of ENTRIES) {
      expect(roles.length, permission).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES, `${permission}: ${role}`).toContain(role);
      expect(new Set(roles).size, `${permission} lists a role twice`).toBe(roles.length);
    }
  });

  it("gives every role its own dashboard and no other", () => {
    for (const role of ROLES) {
      const dashboards = permissionsOf(role).filter((p) => p.startsWith("dashboard."));
      expect(dashboards, role).toEqual([`dashboard.${areaOfRole(role)}`]);
    }
  });

  it("agrees with can() for every role × permission", () => {
    let checked = 0;
    for (const [permission, roles] of ENTRIES) {
      for (const role of ROLES) {
        expect(can(role, permission), `${role} × ${permission}`).toBe(roles.includes(role));
        expect(permissionsOf(role).includes(permission)).toBe(roles.includes(role));
        checked++;
      }
    }
    expect(checked).toBe(ROLES.length * PERMISSION_NAMES.length);
    console.info(`permission matrix: ${ROLES.length} roles × ${PERMISSION_NAMES.length} permissions = ${checked} cells`);
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(PERMISSIONS)).toBe(true);
    for (const [, roles] of ENTRIES) expect(Object.isFrozen(roles)).toBe(true);
    expect(() => (PERMISSIONS["audit.read"] as unknown as Role[]).push(Role.ENTERPRISE_MEMBER)).toThrow();
    expect(can(Role.ENTERPRISE_MEMBER, "audit.read")).toBe(false);
  });

  it("refuses unknown permissions and roles instead of throwing", () => {
    for (const name of ["nope", "constructor", "__proto__", "toString", ""]) {
      expect(isPermission(name)).toBe(false);
      expect(can(Role.FINANCE_ADMIN, name as TPermission)).toBe(false);
    }
    expect(can("SUPERUSER" as Role, "dashboard.finance")).toBe(false);
    expect(permissionsOf("SUPERUSER" as Role)).toEqual([]);
  });
});

describe("sensitive permissions", () => {
  it.each(["orgs.create", "orgs.update", "audit.read", "audit.export", "rankings.publish"] as const)(
    "%s belongs to FINANCE_ADMIN alone",
    (permission) => expect(holders(permission)).toEqual([Role.FINANCE_ADMIN]),
  );

  it("gives no enterprise role any park, bank or supervision step on requests", () => {
    const steps = [
      "requests.forward",
      "requests.return",
      "requests.sign",
      "requests.answer",
      "requests.pass",
      "requests.supervise",
    ] as const;
    for (const role of [Role.ENTERPRISE_OWNER, Role.ENTERPRISE_MEMBER]) {
      for (const step of steps) expect(can(role, step), `${role} × ${step}`).toBe(false);
    }
  });

  // The leading group's office of 1+1 support sits at the central bank branch: it reviews the
  // monthly reports (unless the program's rule gives them to the finance office) and assesses
  // the pairings at year end.
  it("leaves the central bank read-only except for reviewing rankings, scoring its part of the half-year evaluation, 1+1 support, co-signing summons it attended and organising matching events", () => {
    // Own-account self-service is not a write to program data; an export is a read.
    const isReadOnly = (p: string) =>
      p.startsWith("dashboard.") || p.startsWith("account.") || p.endsWith(".read") || p.endsWith(".export");
    const writes = permissionsOf(Role.CENTRAL_BANK_STAFF).filter((p) => !isReadOnly(p));
    expect([...writes].sort()).toEqual([
      "evaluations.score",
      "events.manage",
      "rankings.review",
      "summons.cosign",
      "support.assess",
      "support.review",
    ]);
  });

  it("reveals personal data to the admin, the park window and the bank manager only", () => {
    expect(holders("pii.reveal")).toEqual([Role.BANK_MANAGER, Role.FINANCE_ADMIN, Role.PARK_STAFF].sort());
  });

  it("lets only the park forward and return, only banks sign/answer/pass, only finance supervise", () => {
    expect(holders("requests.forward")).toEqual([Role.PARK_STAFF]);
    expect(holders("requests.return")).toEqual([Role.PARK_STAFF]);
    for (const p of ["requests.sign", "requests.answer", "requests.pass"] as const) {
      expect(holders(p)).toEqual([Role.BANK_LIAISON, Role.BANK_MANAGER].sort());
    }
    expect(holders("requests.supervise")).toEqual([Role.FINANCE_ADMIN, Role.FINANCE_STAFF].sort());
    expect(holders("registrations.review")).toEqual([Role.PARK_STAFF]);
  });

  it("gives every role its own account and read access to its requests", () => {
    for (const p of ["account.changePassword", "account.manageTotp", "requests.read", "programs.read"] as const) {
      expect(holders(p), p).toEqual([...ROLES].sort());
    }
  });

  it("never lets an enterprise member manage users or change class", () => {
    expect(can(Role.ENTERPRISE_MEMBER, "users.manageOwnOrg")).toBe(false);
    expect(can(Role.ENTERPRISE_MEMBER, "users.read")).toBe(false);
    expect(can(Role.ENTERPRISE_OWNER, "enterprises.changeClass")).toBe(false);
  });

  it("grants users.read to every manager of users, and more", () => {
    for (const role of holders("users.manageOwnOrg")) expect(can(role, "users.read"), role).toBe(true);
  });
});

describe("canActor", () => {
  const actor = (role: Role, orgKind: OrgKind): TActor => ({ userId: "u1", role, orgId: "o1", orgKind });

  it("follows the table for an actor whose role fits its organization", () => {
    for (const role of ROLES) {
      const kind = orgKindOfRole(role)!;
      for (const permission of PERMISSION_NAMES) {
        expect(canActor(actor(role, kind), permission)).toBe(can(role, permission));
      }
    }
  });

  it("refuses everything to a role sitting in the wrong kind of organization", () => {
    expect(canActor(actor(Role.FINANCE_ADMIN, OrgKind.ENTERPRISE), "orgs.create")).toBe(false);
    expect(canActor(actor(Role.BANK_MANAGER, OrgKind.PARK), "requests.answer")).toBe(false);
    expect(canActor(actor(Role.PARK_STAFF, OrgKind.GUARANTEE_COMPANY), "dashboard.park")).toBe(false);
  });

  it("refuses an actor without a user or organization id", () => {
    expect(canActor({ userId: "", role: Role.FINANCE_ADMIN, orgId: "o1", orgKind: OrgKind.FINANCE_OFFICE }, "orgs.read")).toBe(false);
    expect(canActor({ userId: "u1", role: Role.FINANCE_ADMIN, orgId: "", orgKind: OrgKind.FINANCE_OFFICE }, "orgs.read")).toBe(false);
  });

  it("maps each role to the organization kind its area implies", () => {
    const expected = { finance: "FINANCE_OFFICE", pbc: "CENTRAL_BANK", bank: "BANK", park: "PARK", enterprise: "ENTERPRISE" };
    for (const role of ROLES) expect(orgKindOfRole(role)).toBe(expected[areaOfRole(role)]);
  });
});
