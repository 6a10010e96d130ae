import type { Prisma } from "@/lib/generated/prisma/client";
import { RequestStatus, Role } from "@/lib/generated/prisma/enums";
import { areaOfRole } from "./areas";
import { canActor, isCoherentActor, type TActor } from "./permissions";

// Authorization in the query's where: every read and write of tenant data ANDs one of
// these into its where, so another tenant's id finds nothing ("not found", never
// "forbidden" — we do not confirm that it exists). Pure functions, no database: the
// caller loads the context (the bank's covered org ids, the park or enterprise id) and
// passes it in.
//
// Invariants:
// - missing or empty context gives NOTHING, never everything;
// - an incoherent actor (role does not fit its org kind) or one without the read
//   permission gives NOTHING;
// - drafts are visible only to the enterprise that wrote them;
// - every call returns a fresh object, so a caller editing it cannot affect another query.

// Matches no row of any model (every model's id accepts an empty `in`). Frozen: compare
// with isNothing(), and use nothing() to get a copy you may extend.
export const NOTHING = Object.freeze({ id: Object.freeze({ in: Object.freeze([]) as unknown as never[] }) });

export function nothing(): { id: { in: never[] } } {
  return { id: { in: [] } };
}

// True for a where produced by nothing(): lets a caller skip the query and answer
// "not found" (or an empty list) straight away.
export function isNothing(where: unknown): boolean {
  if (typeof where !== "object" || where === null) return false;
  const keys = Object.keys(where);
  if (keys.length !== 1 || keys[0] !== "id") return false;
  const id = (where as { id: unknown }).id;
  if (typeof id !== "object" || id === null) return false;
  const inner = Object.keys(id);
  const list = (id as { in?: unknown }).in;
  return inner.length === 1 && inner[0] === "in" && Array.isArray(list) && list.length === 0;
}

export type TBankContext = {
  // Own org plus, for a manager of a parent bank, its descendants. Loaded by the caller.
  bankOrgIds?: readonly string[];
};

export type TScopeContext = TBankContext & {
  parkId?: string;
  enterpriseId?: string;
};

function cleanIds(ids: readonly string[] | undefined): string[] {
  return [...new Set((ids ?? []).filter((id) => typeof id === "string" && id.length > 0))];
}

// The bank org ids the actor may act for. The list must contain the actor's own org: a
// list that does not is someone else's (a caller bug) and yields nothing.
export function bankCoverage(actor: TActor, bankOrgIds: readonly string[] | undefined): string[] {
  if (areaOfRole(actor.role) !== "bank" || !actor.orgId) return [];
  const ids = cleanIds(bankOrgIds);
  return ids.includes(actor.orgId) ? ids : [];
}

const notDraft = (): Prisma.RequestWhereInput => ({ status: { not: RequestStatus.DRAFT } });

// Requests a bank is responsible for or was copied on, never drafts.
function bankRequests(ids: readonly string[]): Prisma.RequestWhereInput {
  return {
    ...notDraft(),
    OR: [{ assignedBankId: { in: [...ids] } }, { routes: { some: { bankOrgId: { in: [...ids] } } } }],
  };
}

// Financing requests / problem-list items the actor may see.
// Finance office and central bank: every submitted item. Bank: assigned or routed to it.
// Park: its park's items. Enterprise: its own, drafts included.
export function requestScope(actor: TActor, ctx: TScopeContext = {}): Prisma.RequestWhereInput {
  if (!canActor(actor, "requests.read")) return nothing();
  switch (areaOfRole(actor.role)) {
    case "finance":
    case "pbc":
      return notDraft();
    case "bank": {
      const ids = bankCoverage(actor, ctx.bankOrgIds);
      return ids.length > 0 ? bankRequests(ids) : nothing();
    }
    case "park":
      return ctx.parkId ? { parkId: ctx.parkId, ...notDraft() } : nothing();
    case "enterprise":
      return ctx.enterpriseId ? { enterpriseId: ctx.enterpriseId } : nothing();
  }
}

// Enterprises the actor may see. A bank sees the ones it is paired with (1+1, any year:
// the history stays its own) or that routed a request to it.
export function enterpriseScope(actor: TActor, ctx: TScopeContext = {}): Prisma.EnterpriseWhereInput {
  if (!canActor(actor, "enterprises.read")) return nothing();
  switch (areaOfRole(actor.role)) {
    case "finance":
    case "pbc":
      return {};
    case "bank": {
      const ids = bankCoverage(actor, ctx.bankOrgIds);
      if (ids.length === 0) return nothing();
      return {
        OR: [{ pairings: { some: { bankOrgId: { in: [...ids] } } } }, { requests: { some: bankRequests(ids) } }],
      };
    }
    case "park":
      return ctx.parkId ? { parkId: ctx.parkId } : nothing();
    case "enterprise":
      return ctx.enterpriseId ? { id: ctx.enterpriseId } : nothing();
  }
}

export type TUserScopeContext = {
  // Orgs whose users the actor manages: own org, plus branches for a parent bank's manager.
  manageableOrgIds?: readonly string[];
};

// Users the actor may see ("read") or create/deactivate/reset ("manage", the default:
// the narrower of the two). The finance admin covers everyone (it creates every
// organization's first users); finance staff and the central bank read everyone; the
// others only the orgs in manageableOrgIds. Only a bank has child organizations, so
// only a bank manager's list may reach beyond its own org.
export function userScope(actor: TActor, ctx: TUserScopeContext = {}, intent: "read" | "manage" = "manage"): Prisma.UserWhereInput {
  if (!canActor(actor, intent === "manage" ? "users.manageOwnOrg" : "users.read")) return nothing();
  const area = areaOfRole(actor.role);
  if (area === "finance" || area === "pbc") return {};
  const ids = cleanIds(ctx.manageableOrgIds);
  if (!ids.includes(actor.orgId)) return nothing();
  return { orgId: { in: actor.role === Role.BANK_MANAGER ? ids : [actor.orgId] } };
}

// Organizations the actor may see as organizations (the directory, its own profile).
// Finance office and central bank: all. A bank: its covered orgs when given, else its
// own. Park and enterprise: their own (enterprises of a park come via enterpriseScope).
export function organizationScope(actor: TActor, ctx: TBankContext = {}): Prisma.OrganizationWhereInput {
  if (!isCoherentActor(actor)) return nothing();
  switch (areaOfRole(actor.role)) {
    case "finance":
    case "pbc":
      return {};
    case "bank": {
      if (ctx.bankOrgIds === undefined) return { id: actor.orgId };
      const ids = bankCoverage(actor, ctx.bankOrgIds);
      return ids.length > 0 ? { id: { in: ids } } : nothing();
    }
    case "park":
    case "enterprise":
      return { id: actor.orgId };
  }
}
