import { describe, expect, it } from "vitest";
import { OrgKind, RequestStatus, Role } from "@/lib/generated/prisma/enums";
import { orgKindOfRole, type TActor } from "./permissions";
import {
  NOTHING,
  bankCoverage,
  enterpriseScope,
  isNothing,
  nothing,
  organizationScope,
  requestScope,
  userScope,
  type TScopeContext,
} from "./scopes";

// ── a tiny in-memory evaluator for the where subset the scopes use ──
// It throws on any operator it does not know, so a scope cannot slip past it by using
// one. With it the tests check what a where *selects*, not only how it is spelled.
type TRecord = Record<string, unknown>;

function matchesFilter(value: unknown, filter: unknown): boolean {
  if (filter === null || typeof filter !== "object") return value === filter;
  return Object.entries(filter).every(([op, arg]) => {
    switch (op) {
      case "equals":
        return value === arg;
      case "in":
        return (arg as unknown[]).includes(value);
      case "notIn":
        return !(arg as unknown[]).includes(value);
      case "not":
        return !matchesFilter(value, arg);
      default:
        throw new Error(`evaluator: unknown filter ${op}`);
    }
  });
}

function matches(where: unknown, record: TRecord): boolean {
  return Object.entries(where as TRecord).every(([key, cond]) => {
    if (key === "AND") return (Array.isArray(cond) ? cond : [cond]).every((w) => matches(w, record));
    if (key === "OR") return (cond as unknown[]).some((w) => matches(w, record));
    if (key === "NOT") return !(Array.isArray(cond) ? cond : [cond]).some((w) => matches(w, record));
    if (!(key in record)) throw new Error(`evaluator: record has no field ${key}`);
    const value = record[key];
    if (Array.isArray(value)) {
      const rel = cond as TRecord;
      if ("some" in rel) return value.some((r: TRecord) => matches(rel.some, r));
      throw new Error(`evaluator: unknown relation filter on ${key}`);
    }
    return matchesFilter(value, cond);
  });
}

// ── a small world: bank A (parent) with branch A1, bank B; parks P1, P2 ──
const ORG = {
  finance: "org-fin",
  pbc: "org-pbc",
  bankA: "org-bankA",
  bankA1: "org-bankA1",
  bankB: "org-bankB",
  park1: "org-park1",
  park2: "org-park2",
  ent1: "org-ent1",
  ent2: "org-ent2",
  ent3: "org-ent3",
};
const PARK = { p1: "park-1", p2: "park-2" };

type TReq = {
  id: string;
  enterpriseId: string;
  parkId: string;
  status: RequestStatus;
  assignedBankId: string | null;
  routes: { bankOrgId: string }[];
};
const req = (
  id: string,
  enterpriseId: string,
  parkId: string,
  status: RequestStatus,
  assignedBankId: string | null,
  routes: string[] = [],
): TReq => ({
  id,
  enterpriseId,
  parkId,
  status,
  assignedBankId,
  routes: routes.map((bankOrgId) => ({ bankOrgId })),
});
const REQUESTS: TReq[] = [
  req("r1", "e1", PARK.p1, RequestStatus.DRAFT, null),
  req("r2", "e1", PARK.p1, RequestStatus.SUBMITTED, null),
  req("r3", "e1", PARK.p1, RequestStatus.FORWARDED, ORG.bankA1, [ORG.bankA1]),
  req("r4", "e2", PARK.p1, RequestStatus.SIGNED, ORG.bankB, [ORG.bankB, ORG.bankA]),
  req("r5", "e3", PARK.p2, RequestStatus.CLOSED, ORG.bankB, [ORG.bankB]),
  // A draft carrying a bank (left over from a return and re-draft): still invisible to it.
  req("r6", "e3", PARK.p2, RequestStatus.DRAFT, ORG.bankA, [ORG.bankA]),
];
const ENTERPRISES = [
  { id: "e1", orgId: ORG.ent1, parkId: PARK.p1, pairings: [] as { bankOrgId: string }[] },
  { id: "e2", orgId: ORG.ent2, parkId: PARK.p1, pairings: [] },
  { id: "e3", orgId: ORG.ent3, parkId: PARK.p2, pairings: [{ bankOrgId: ORG.bankA1 }] },
].map((e) => ({ ...e, requests: REQUESTS.filter((r) => r.enterpriseId === e.id) }));
const ENTERPRISE_PARK: Record<string, string> = { e1: PARK.p1, e2: PARK.p1, e3: PARK.p2 };

const actor = (role: Role, orgId: string, orgKind: OrgKind = orgKindOfRole(role)!): TActor => ({
  userId: `u-${role}`,
  role,
  orgId,
  orgKind,
});
const ids = <T extends { id: string }>(rows: T[], where: unknown) => rows.filter((r) => matches(where, r)).map((r) => r.id);
const seeRequests = (a: TActor, ctx?: TScopeContext) => ids(REQUESTS, requestScope(a, ctx));
const seeEnterprises = (a: TActor, ctx?: TScopeContext) => ids(ENTERPRISES, enterpriseScope(a, ctx));

const FIN_ADMIN = actor(Role.FINANCE_ADMIN, ORG.finance);
const FIN_STAFF = actor(Role.FINANCE_STAFF, ORG.finance);
const PBC = actor(Role.CENTRAL_BANK_STAFF, ORG.pbc);
const MANAGER_A = actor(Role.BANK_MANAGER, ORG.bankA);
const LIAISON_A1 = actor(Role.BANK_LIAISON, ORG.bankA1);
const LIAISON_B = actor(Role.BANK_LIAISON, ORG.bankB);
const PARK1 = actor(Role.PARK_STAFF, ORG.park1);
const OWNER1 = actor(Role.ENTERPRISE_OWNER, ORG.ent1);
const MEMBER3 = actor(Role.ENTERPRISE_MEMBER, ORG.ent3);

// Every actor with the full context a caller would load for it.
const FULL: [TActor, TScopeContext][] = [
  [FIN_ADMIN, {}],
  [FIN_STAFF, {}],
  [PBC, {}],
  [MANAGER_A, { bankOrgIds: [ORG.bankA, ORG.bankA1] }],
  [LIAISON_A1, { bankOrgIds: [ORG.bankA1] }],
  [LIAISON_B, { bankOrgIds: [ORG.bankB] }],
  [PARK1, { parkId: PARK.p1 }],
  [OWNER1, { enterpriseId: "e1" }],
  [MEMBER3, { enterpriseId: "e3" }],
];

describe("NOTHING", () => {
  it("is frozen, recognized, and nothing() gives an equal fresh copy", () => {
    expect(Object.isFrozen(NOTHING) && Object.isFrozen(NOTHING.id)).toBe(true);
    expect(isNothing(NOTHING)).toBe(true);
    expect(nothing()).toEqual(NOTHING);
    expect(nothing()).not.toBe(nothing());
    expect(isNothing({})).toBe(false);
    expect(isNothing({ id: { in: ["x"] } })).toBe(false);
    expect(isNothing({ id: { in: [] }, status: "DRAFT" })).toBe(false);
    expect(ids(REQUESTS, NOTHING)).toEqual([]);
  });
});

describe("requestScope", () => {
  it("has the expected shape for every role", () => {
    const notDraft = { status: { not: RequestStatus.DRAFT } };
    expect(requestScope(FIN_ADMIN)).toEqual(notDraft);
    expect(requestScope(FIN_STAFF)).toEqual(notDraft);
    expect(requestScope(PBC)).toEqual(notDraft);
    const bank = (list: string[]) => ({
      ...notDraft,
      OR: [{ assignedBankId: { in: list } }, { routes: { some: { bankOrgId: { in: list } } } }],
    });
    expect(requestScope(MANAGER_A, { bankOrgIds: [ORG.bankA, ORG.bankA1] })).toEqual(bank([ORG.bankA, ORG.bankA1]));
    expect(requestScope(LIAISON_A1, { bankOrgIds: [ORG.bankA1] })).toEqual(bank([ORG.bankA1]));
    expect(requestScope(PARK1, { parkId: PARK.p1 })).toEqual({ parkId: PARK.p1, ...notDraft });
    expect(requestScope(OWNER1, { enterpriseId: "e1" })).toEqual({ enterpriseId: "e1" });
    // Exactly that and nothing more: the enterprise dashboard's one statement spells it in SQL.
    expect(requestScope(MEMBER3, { enterpriseId: "e3" })).toEqual({ enterpriseId: "e3" });
    expect(requestScope(MEMBER3, { enterpriseId: "e3" })).toEqual({ enterpriseId: "e3" });
  });

  it("selects the right requests for each actor", () => {
    expect(seeRequests(FIN_ADMIN)).toEqual(["r2", "r3", "r4", "r5"]);
    expect(seeRequests(PBC)).toEqual(["r2", "r3", "r4", "r5"]);
    expect(seeRequests(MANAGER_A, { bankOrgIds: [ORG.bankA, ORG.bankA1] })).toEqual(["r3", "r4"]); // branch's + copy
    expect(seeRequests(LIAISON_A1, { bankOrgIds: [ORG.bankA1] })).toEqual(["r3"]);
    expect(seeRequests(LIAISON_B, { bankOrgIds: [ORG.bankB] })).toEqual(["r4", "r5"]);
    expect(seeRequests(PARK1, { parkId: PARK.p1 })).toEqual(["r2", "r3", "r4"]);
    expect(seeRequests(OWNER1, { enterpriseId: "e1" })).toEqual(["r1", "r2", "r3"]);
    expect(seeRequests(MEMBER3, { enterpriseId: "e3" })).toEqual(["r5", "r6"]);
  });

  it("matches nothing when the context lacks the needed id", () => {
    for (const a of [MANAGER_A, LIAISON_A1]) {
      expect(isNothing(requestScope(a)), a.role).toBe(true);
      expect(isNothing(requestScope(a, { bankOrgIds: [] }))).toBe(true);
      expect(isNothing(requestScope(a, { bankOrgIds: [""] }))).toBe(true);
      // Someone else's list (does not contain the actor's own org): a caller bug.
      expect(isNothing(requestScope(a, { bankOrgIds: [ORG.bankB] }))).toBe(true);
      // Other ids in the context do not stand in for the bank's.
      expect(isNothing(requestScope(a, { parkId: PARK.p1, enterpriseId: "e1" }))).toBe(true);
    }
    expect(isNothing(requestScope(PARK1))).toBe(true);
    expect(isNothing(requestScope(PARK1, { parkId: "" }))).toBe(true);
    expect(isNothing(requestScope(PARK1, { enterpriseId: "e1", bankOrgIds: [ORG.park1] }))).toBe(true);
    expect(isNothing(requestScope(OWNER1))).toBe(true);
    expect(isNothing(requestScope(OWNER1, { enterpriseId: "" }))).toBe(true);
    expect(isNothing(requestScope(MEMBER3, { parkId: PARK.p2 }))).toBe(true);
  });

  it("never shows a draft outside the enterprise, whatever the context", () => {
    const everyCtx: TScopeContext = { bankOrgIds: Object.values(ORG), parkId: PARK.p2, enterpriseId: "e3" };
    for (const [a, ctx] of FULL) {
      if (a.role === Role.ENTERPRISE_OWNER || a.role === Role.ENTERPRISE_MEMBER) continue;
      for (const c of [ctx, everyCtx, { ...ctx, ...everyCtx }]) {
        const drafts = REQUESTS.filter((r) => r.status === RequestStatus.DRAFT && matches(requestScope(a, c), r));
        expect(drafts, a.role).toEqual([]);
      }
    }
  });

  it("finds another tenant's request by id as not found", () => {
    const byId = (a: TActor, ctx: TScopeContext, id: string) => ids(REQUESTS, { AND: [requestScope(a, ctx), { id }] });
    expect(byId(OWNER1, { enterpriseId: "e1" }, "r5")).toEqual([]);
    expect(byId(PARK1, { parkId: PARK.p1 }, "r5")).toEqual([]);
    expect(byId(LIAISON_A1, { bankOrgIds: [ORG.bankA1] }, "r4")).toEqual([]); // copied to the parent, not the branch
    expect(byId(LIAISON_B, { bankOrgIds: [ORG.bankB] }, "r3")).toEqual([]);
    expect(byId(OWNER1, { enterpriseId: "e1" }, "r1")).toEqual(["r1"]);
  });

  it("gives nothing to an actor whose role does not fit its organization", () => {
    expect(isNothing(requestScope(actor(Role.FINANCE_ADMIN, ORG.ent1, OrgKind.ENTERPRISE)))).toBe(true);
    expect(isNothing(requestScope(actor(Role.CENTRAL_BANK_STAFF, ORG.bankA, OrgKind.BANK)))).toBe(true);
    expect(isNothing(requestScope(actor(Role.ENTERPRISE_OWNER, ORG.park1, OrgKind.PARK), { enterpriseId: "e1" }))).toBe(true);
    expect(isNothing(requestScope({ ...FIN_ADMIN, userId: "" }))).toBe(true);
  });

  it("returns a fresh object each time, not sharing the caller's list", () => {
    const list = [ORG.bankA1];
    const first = requestScope(LIAISON_A1, { bankOrgIds: list });
    list.push(ORG.bankB);
    expect(requestScope(LIAISON_A1, { bankOrgIds: [ORG.bankA1] })).toEqual(first);
    (first as Record<string, unknown>).status = RequestStatus.DRAFT;
    expect(requestScope(LIAISON_A1, { bankOrgIds: [ORG.bankA1] })).not.toEqual(first);
    expect(requestScope(FIN_ADMIN)).not.toBe(requestScope(FIN_ADMIN));
  });
});

describe("enterpriseScope", () => {
  it("has the expected shape for every role", () => {
    for (const a of [FIN_ADMIN, FIN_STAFF, PBC]) expect(enterpriseScope(a)).toEqual({});
    expect(enterpriseScope(PARK1, { parkId: PARK.p1 })).toEqual({ parkId: PARK.p1 });
    expect(enterpriseScope(OWNER1, { enterpriseId: "e1" })).toEqual({ id: "e1" });
    const list = [ORG.bankA1];
    expect(enterpriseScope(LIAISON_A1, { bankOrgIds: list })).toEqual({
      OR: [
        { pairings: { some: { bankOrgId: { in: list } } } },
        {
          requests: {
            some: {
              status: { not: RequestStatus.DRAFT },
              OR: [{ assignedBankId: { in: list } }, { routes: { some: { bankOrgId: { in: list } } } }],
            },
          },
        },
      ],
    });
  });

  it("selects the right enterprises for each actor", () => {
    expect(seeEnterprises(FIN_STAFF)).toEqual(["e1", "e2", "e3"]);
    expect(seeEnterprises(MANAGER_A, { bankOrgIds: [ORG.bankA, ORG.bankA1] })).toEqual(["e1", "e2", "e3"]);
    expect(seeEnterprises(LIAISON_A1, { bankOrgIds: [ORG.bankA1] })).toEqual(["e1", "e3"]); // request, 1+1 pairing
    expect(seeEnterprises(LIAISON_B, { bankOrgIds: [ORG.bankB] })).toEqual(["e2", "e3"]);
    expect(seeEnterprises(PARK1, { parkId: PARK.p1 })).toEqual(["e1", "e2"]);
    expect(seeEnterprises(MEMBER3, { enterpriseId: "e3" })).toEqual(["e3"]);
  });

  it("does not reveal an enterprise to a bank through a draft alone", () => {
    // e3's only link to bank A (not A1) is draft r6.
    expect(seeEnterprises(actor(Role.BANK_LIAISON, ORG.bankA), { bankOrgIds: [ORG.bankA] })).toEqual(["e2"]);
  });

  it("matches nothing when the context lacks the needed id", () => {
    expect(isNothing(enterpriseScope(LIAISON_A1))).toBe(true);
    expect(isNothing(enterpriseScope(MANAGER_A, { bankOrgIds: [ORG.bankA1] }))).toBe(true);
    expect(isNothing(enterpriseScope(PARK1, { enterpriseId: "e1" }))).toBe(true);
    expect(isNothing(enterpriseScope(OWNER1, { parkId: PARK.p1 }))).toBe(true);
    expect(isNothing(enterpriseScope(actor(Role.PARK_STAFF, ORG.bankA, OrgKind.BANK), { parkId: PARK.p1 }))).toBe(true);
  });

  it("keeps each park to its own enterprises", () => {
    for (const e of ENTERPRISES) {
      expect(matches(enterpriseScope(PARK1, { parkId: PARK.p1 }), e)).toBe(ENTERPRISE_PARK[e.id] === PARK.p1);
    }
  });
});

describe("userScope", () => {
  it("manages: finance admin everyone, bank manager its covered orgs, park and owner their own org", () => {
    expect(userScope(FIN_ADMIN)).toEqual({});
    expect(userScope(MANAGER_A, { manageableOrgIds: [ORG.bankA, ORG.bankA1] })).toEqual({ orgId: { in: [ORG.bankA, ORG.bankA1] } });
    expect(userScope(PARK1, { manageableOrgIds: [ORG.park1] })).toEqual({ orgId: { in: [ORG.park1] } });
    expect(userScope(OWNER1, { manageableOrgIds: [ORG.ent1] })).toEqual({ orgId: { in: [ORG.ent1] } });
  });

  it("keeps non-bank managers to their own org even if handed more", () => {
    expect(userScope(PARK1, { manageableOrgIds: [ORG.park1, ORG.ent1] })).toEqual({ orgId: { in: [ORG.park1] } });
    expect(userScope(OWNER1, { manageableOrgIds: [ORG.ent1, ORG.ent2] })).toEqual({ orgId: { in: [ORG.ent1] } });
  });

  it("gives roles without users.manageOwnOrg nothing to manage", () => {
    for (const a of [FIN_STAFF, PBC, LIAISON_A1, MEMBER3]) {
      expect(isNothing(userScope(a, { manageableOrgIds: [a.orgId] })), a.role).toBe(true);
    }
  });

  it("reads: finance and central bank everyone, the others as they manage", () => {
    for (const a of [FIN_ADMIN, FIN_STAFF, PBC]) expect(userScope(a, {}, "read")).toEqual({});
    expect(userScope(MANAGER_A, { manageableOrgIds: [ORG.bankA] }, "read")).toEqual({ orgId: { in: [ORG.bankA] } });
    expect(isNothing(userScope(LIAISON_A1, { manageableOrgIds: [ORG.bankA1] }, "read"))).toBe(true);
    expect(isNothing(userScope(MEMBER3, { manageableOrgIds: [ORG.ent3] }, "read"))).toBe(true);
  });

  it("matches nothing without a list that contains the actor's own org", () => {
    for (const a of [MANAGER_A, PARK1, OWNER1]) {
      expect(isNothing(userScope(a)), a.role).toBe(true);
      expect(isNothing(userScope(a, { manageableOrgIds: [] }))).toBe(true);
      expect(isNothing(userScope(a, { manageableOrgIds: [ORG.bankB] }))).toBe(true);
    }
  });
});

describe("organizationScope", () => {
  it("has the expected shape for every role", () => {
    for (const a of [FIN_ADMIN, FIN_STAFF, PBC]) expect(organizationScope(a)).toEqual({});
    expect(organizationScope(MANAGER_A)).toEqual({ id: ORG.bankA });
    expect(organizationScope(MANAGER_A, { bankOrgIds: [ORG.bankA, ORG.bankA1] })).toEqual({ id: { in: [ORG.bankA, ORG.bankA1] } });
    expect(organizationScope(LIAISON_A1)).toEqual({ id: ORG.bankA1 });
    expect(organizationScope(PARK1)).toEqual({ id: ORG.park1 });
    expect(organizationScope(OWNER1)).toEqual({ id: ORG.ent1 });
    expect(organizationScope(MEMBER3)).toEqual({ id: ORG.ent3 });
  });

  it("matches nothing for a bad bank list or an incoherent actor", () => {
    expect(isNothing(organizationScope(MANAGER_A, { bankOrgIds: [] }))).toBe(true);
    expect(isNothing(organizationScope(MANAGER_A, { bankOrgIds: [ORG.bankB] }))).toBe(true);
    expect(isNothing(organizationScope(actor(Role.FINANCE_STAFF, ORG.park1, OrgKind.PARK)))).toBe(true);
    expect(isNothing(organizationScope({ ...OWNER1, orgId: "" }))).toBe(true);
  });
});

describe("bankCoverage", () => {
  it("dedupes, drops blanks, and requires the actor's own org", () => {
    expect(bankCoverage(MANAGER_A, [ORG.bankA, "", ORG.bankA1, ORG.bankA])).toEqual([ORG.bankA, ORG.bankA1]);
    expect(bankCoverage(MANAGER_A, [ORG.bankA1])).toEqual([]);
    expect(bankCoverage(MANAGER_A, undefined)).toEqual([]);
    expect(bankCoverage(PARK1, [ORG.park1])).toEqual([]);
  });
});
