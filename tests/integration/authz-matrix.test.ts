/**
 * The authorization matrix: every server action and route handler in app/, found by
 * walking the code, called as every role (and signed out). A new action or route method
 * without an entry in EXPECTED / EXPECTED_ROUTES fails the test; so does any allow or deny
 * that differs. Each action's and route's policy is read from the code (defineAction and
 * defineRoute keep it on the function they return).
 *
 * Only the session is simulated (getCurrentUser returns a real user row of each role);
 * the actions run for real against the test database, so the check exercised is the one
 * in production. Allowed calls get an empty input and stop at validation.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { createPrismaClient } from "@/lib/server/db";
import type { TDefinedAction } from "@/lib/server/action";
import type { TDefinedRoute } from "@/lib/server/route";
import { filesNamed, loadServerActions, ROOT, type TFoundAction } from "@/tests/support/server-actions";
import { databaseUrl } from "./harness";
import { session } from "../support/signed-in-session";

vi.mock("@/lib/server/auth/current-user", () => import("../support/signed-in-session").then((m) => m.currentUserModule()));
vi.mock("@/lib/server/auth/request-meta", () => import("../support/signed-in-session").then((m) => m.requestMetaModule("authz-matrix")));

const {
  FINANCE_ADMIN: FA,
  FINANCE_STAFF: FS,
  CENTRAL_BANK_STAFF: PBC,
  BANK_MANAGER: BM,
  BANK_LIAISON: BL,
  PARK_STAFF: PS,
  ENTERPRISE_OWNER: EO,
  ENTERPRISE_MEMBER: EM,
} = Role;
const ALL: Role[] = [FA, FS, PBC, BM, BL, PS, EO, EM];

// Who may call what. "public" also admits signed-out visitors.
const EXPECTED: Record<string, Role[] | "public"> = {
  "auth.signIn": "public",
  "auth.requestPasswordReset": "public",
  "auth.resetPassword": "public",
  "language.set": "public",
  "registration.submit": "public",
  "registration.approve": [PS],
  "registration.reject": [PS],
  "users.create": [FA, BM, PS, EO],
  "users.deactivate": [FA, BM, PS, EO],
  "users.reactivate": [FA, BM, PS, EO],
  "users.resetPassword": [FA, BM, PS, EO],
  "users.resetTotp": [FA, BM, PS, EO],
  "users.sendResetLink": [FA, BM, PS, EO],
  "users.changeRole": [FA, BM, PS, EO],
  "pii.reveal": [FA, BM, PS],
  "orgs.create": [FA],
  "programs.create": [FA],
  "programs.update": [FA],
  "programs.changeRules": [FA],
  "jobs.retry": [FA],
  "calendar.addDay": [FA],
  "calendar.removeDay": [FA],
  "calendar.publishYear": [FA],
  "calendar.loadOfficial": [FA],
  "pairings.setMainBank": [FA],
  "pairings.addParticipating": [FA],
  "pairings.removeParticipating": [FA],
  "pairings.addOneOnOne": [FA, BM],
  "pairings.endOneOnOne": [FA, BM],
  "registry.enterprises.create": [FA, PS],
  "registry.enterprises.update": [FA, PS, EO],
  "registry.enterprises.deactivate": [FA, PS],
  "registry.enterprises.reactivate": [FA, PS],
  "registry.enterprises.changeClass": [FA, PS],
  "registry.banks.fileContact": [BM, BL],
  "registry.banks.update": [FA],
  "registry.banks.deactivate": [FA],
  "registry.banks.reactivate": [FA],
  "registry.parks.update": [FA],
  "registry.parks.deactivate": [FA],
  "registry.parks.reactivate": [FA],
  "registry.guarantors.create": [FA],
  "registry.guarantors.update": [FA],
  "registry.guarantors.deactivate": [FA],
  "registry.guarantors.reactivate": [FA],
  "auth.signOut": ALL,
  "account.changePassword": ALL,
  "account.enableTotp": ALL,
  "requests.timeline": ALL,
  // The request workflow: each step only for the role that takes it.
  "requests.save": [EO, EM],
  "requests.submitDraft": [EO, EM],
  "requests.disputeReturn": [EO, EM],
  "requests.supplyDocuments": [EO, EM],
  "requests.rate": [EO, EM],
  "requests.withdraw": [EO, EM],
  "requests.forward": [PS],
  "requests.return": [PS],
  "requests.sign": [BM, BL],
  "requests.answer": [BM, BL],
  "requests.pass": [BM, BL],
  "requests.declareUnsolvable": [BM, BL],
  "requests.assign": [FA, FS],
  "requests.remind": [FA, FS],
  "requests.closeOut": [FA, FS],
  "requests.ruleOnDispute": [FA, FS],
  "requests.checkWithdrawal": [FA, FS],
  "notifications.markRead": ALL,
  // Quarterly submissions: banks hand in, the finance office reviews.
  "submissions.open": [BM, BL],
  "submissions.save": [BM, BL],
  "submissions.submit": [BM, BL],
  "submissions.accept": [FA, FS],
  "submissions.return": [FA, FS],
  // Scoring rules and rankings.
  "scoring.saveRuleSet": [FA],
  "targets.setBankTarget": [FA],
  // 1+1 support: the bank files; the offices review (the program's rule picks which, checked
  // by the mutation) and assess.
  "support.saveFile": [BM, BL],
  "support.fileReport": [BM, BL],
  "support.reviewReport": [FA, FS, PBC],
  "support.saveAssessment": [FA, PBC],
  "rankings.compute": [FA],
  "rankings.computeAnnual": [FA],
  "rankings.review": [FA, PBC],
  "rankings.publish": [FA],
  "rankings.preview": [FA],
  // The half-year evaluation: the finance administrator runs it, both offices score.
  "evaluations.open": [FA],
  "evaluations.setRules": [FA],
  "evaluations.score": [FA, FS, PBC],
  "evaluations.pickRectification": [FA],
  "evaluations.finalise": [FA],
  // The register of rewards and restrictions: the finance administrator records.
  "rewards.record": [FA],
  // Summons and rectification after a bulletin.
  "summons.open": [FA, FS],
  "summons.filePlan": [BM, BL],
  "summons.acceptPlan": [FA, FS],
  "summons.returnPlan": [FA, FS],
  "summons.fileCompletion": [BM, BL],
  "summons.acceptCompletion": [FA, FS],
  "summons.returnCompletion": [FA, FS],
  "summons.cosign": [PBC],
  "summons.openFromEvaluation": [FA, FS],
  // Bank products: each bank publishes and maintains its own.
  "products.create": [BM, BL],
  "products.update": [BM, BL],
  "products.deactivate": [BM, BL],
  "products.reactivate": [BM, BL],
  "pii.revealEnterpriseContact": [FA, BM, PS],
  // Park visits: the park window or the bank records, the other side confirms; the
  // window turns a finding into an item.
  "visits.record": [BM, BL, PS],
  "visits.confirm": [BM, BL, PS],
  "visits.raiseItem": [PS],
  // The financing-monitoring questionnaire: the finance office writes, opens and closes it;
  // the target's enterprises answer.
  "questionnaires.create": [FA, FS],
  "questionnaires.open": [FA, FS],
  "questionnaires.close": [FA, FS],
  "questionnaires.answer": [EO, EM],
  // The bank's loan register: its own staff record and cancel (which bank's loans: the
  // mutations, authz-matrix-loans.test.ts).
  "loans.record": [BM, BL],
  "loans.cancel": [BM, BL],
  // Key-enterprise lists: the finance office draws them up and hands them over; the
  // bank records its contacts.
  "keyLists.create": [FA, FS],
  "keyLists.addMembers": [FA, FS],
  "keyLists.assign": [FA, FS],
  "keyLists.close": [FA, FS],
  "keyLists.reassign": [FA, FS],
  "keyLists.recordContact": [BM, BL],
  // Matching events: the offices and the park windows organise and run them (which ones:
  // lib/events/rules.ts), enterprises register and raise an intention, banks record it.
  "events.create": [FA, FS, PBC, PS],
  "events.cancel": [FA, FS, PBC, PS],
  "events.recordAttendance": [FA, FS, PBC, PS],
  "events.register": [EO, EM],
  "events.cancelRegistration": [EO, EM],
  "events.recordIntention": [BM, BL],
  "events.raiseRequest": [EO, EM],
  // Park assistance plans: the main bank drafts, the park then the finance office decide.
  "plans.start": [BM, BL],
  "plans.save": [BM, BL],
  "plans.revise": [BM, BL],
  "plans.parkReview": [PS],
  "plans.financeReview": [FA, FS],
};
// Who may call each route handler's method ("<METHOD> <file>").
const EXPECTED_ROUTES: Record<string, Role[] | "public"> = {
  "GET app/api/health/route.ts": "public",
  "GET app/api/metrics/route.ts": "public",
  "GET app/api/ready/route.ts": "public",
  "GET app/(portal)/audit/export/route.ts": [FA],
  "GET app/(portal)/ledger/export/route.ts": [FA, FS],
  "GET app/(portal)/import/enterprises/file/route.ts": [FA, PS],
  "POST app/(portal)/import/enterprises/file/route.ts": [FA, PS],
  "GET app/(portal)/import/contacts/file/route.ts": [FA],
  "POST app/(portal)/import/contacts/file/route.ts": [FA],
  "GET app/(portal)/registry/enterprises/export/route.ts": [FA, FS, PBC, BM, PS],
  "GET app/(portal)/registry/banks/export/route.ts": [FA, FS, PBC, BM, PS],
  "GET app/(portal)/registry/parks/export/route.ts": [FA, FS, PBC, BM, PS],
  "GET app/(portal)/registry/guarantors/export/route.ts": [FA, FS, PBC, BM, PS],
  "POST app/api/requests/[id]/attachments/route.ts": [EO, EM],
  "GET app/api/attachments/[id]/route.ts": ALL,
  "DELETE app/api/attachments/[id]/route.ts": [EO, EM],
  "GET app/(portal)/rankings/[id]/bulletin/route.ts": [FA, FS, PBC, BM, BL],
  "GET app/(portal)/rankings/[id]/export/route.ts": [FA, FS, PBC, BM, BL],
  "GET app/(portal)/evaluations/[id]/export/route.ts": [FA, FS, PBC, BM, BL],
  "GET app/(portal)/requests/problem-list/export/route.ts": [FA, FS, PBC, PS],
  "GET app/(portal)/requests/problem-list/pdf/route.ts": [FA, FS, PBC, PS],
  "GET app/(portal)/submissions/[id]/ledger/export/route.ts": [FA, FS, PBC, BM, BL],
  "GET app/(portal)/summons/export/route.ts": [FA, FS, PBC, BM, BL],
  "GET app/(portal)/submissions/[id]/ledger/pdf/route.ts": [FA, FS, PBC, BM, BL],
  "GET app/(portal)/support/reports/export/route.ts": [FA, FS, PBC, BM, BL],
  "GET app/(portal)/visits/export/route.ts": [FA, FS, PBC, BM, BL, PS],
  "POST app/api/visits/[id]/attachments/route.ts": [BM, BL, PS],
  "GET app/api/visit-attachments/[id]/route.ts": [FA, FS, PBC, BM, BL, PS],
  "GET app/(portal)/questionnaires/[id]/export/route.ts": [FA, FS, PBC],
  "GET app/(portal)/bank/loans/export/route.ts": [BM, BL],
  "GET app/(portal)/key-lists/[id]/export/route.ts": [FA, FS, PBC, BM, BL],
  "GET app/(portal)/events/export/route.ts": [FA, FS, PBC, BM, BL, PS],
  "GET app/(portal)/events/[id]/registrations/export/route.ts": [FA, FS, PBC, BM, BL, PS],
  "GET app/(portal)/plans/export/route.ts": [FA, FS, PBC, BM, BL, PS],
};
// Public to sessions, but behind a bearer token (Prometheus has no session): without the
// token the route does not exist for anyone, signed in or not (tests/integration/metrics.test.ts).
const TOKEN_ROUTES = new Set(["GET app/api/metrics/route.ts"]);
// Route files whose handlers are not ours to wrap: Auth.js's own endpoints (session, CSRF
// token, sign-out), public by nature; sign-in runs through the sign-in page's action.
const FRAMEWORK_ROUTES = new Set(["app/api/auth/[...nextauth]/route.ts"]);
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

const ORG_OF_ROLE: Record<Role, OrgKind> = {
  FINANCE_ADMIN: OrgKind.FINANCE_OFFICE,
  FINANCE_STAFF: OrgKind.FINANCE_OFFICE,
  CENTRAL_BANK_STAFF: OrgKind.CENTRAL_BANK,
  BANK_MANAGER: OrgKind.BANK,
  BANK_LIAISON: OrgKind.BANK,
  PARK_STAFF: OrgKind.PARK,
  ENTERPRISE_OWNER: OrgKind.ENTERPRISE,
  ENTERPRISE_MEMBER: OrgKind.ENTERPRISE,
};

let prisma: PrismaClient;
const users = new Map<Role, TSessionUser>();
const actions: TFoundAction[] = [];
const routes: { key: string; file: string; method: string; route: TDefinedRoute }[] = [];

beforeAll(async () => {
  prisma = createPrismaClient(databaseUrl());
  const suffix = Math.random().toString(36).slice(2, 8);
  const orgs = new Map<OrgKind, string>();
  for (const kind of new Set(Object.values(ORG_OF_ROLE))) {
    const org = await prisma.organization.create({ data: { kind, name: `矩阵测试 ${kind} ${suffix}` }, select: { id: true } });
    orgs.set(kind, org.id);
  }
  for (const role of ALL) {
    const orgId = orgs.get(ORG_OF_ROLE[role])!;
    const u = await prisma.user.create({
      data: { orgId, role, account: `matrix.${role.toLowerCase()}.${suffix}`, name: role },
      select: { id: true },
    });
    users.set(role, {
      sessionId: "00000000-0000-4000-8000-000000000000",
      userId: u.id,
      account: `matrix.${role}`,
      name: role,
      role,
      orgId,
      orgKind: ORG_OF_ROLE[role],
      orgName: "矩阵测试",
      mustChangePassword: false,
      needsTotpEnrolment: false,
      totpEnabled: true,
    });
  }
  actions.push(...(await loadServerActions()));
  for (const file of filesNamed(path.join(ROOT, "app"), "route.ts")) {
    if (FRAMEWORK_ROUTES.has(file)) continue;
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (mod[method] !== undefined) routes.push({ key: `${method} ${file}`, file, method, route: mod[method] as TDefinedRoute });
    }
  }
});

afterAll(async () => {
  await prisma.$disconnect();
});

async function outcome(action: TDefinedAction<unknown>, user: TSessionUser | null): Promise<"allowed" | "denied"> {
  session.user = user;
  try {
    const result = await action(new FormData());
    if (!result.ok && (result.error === "forbidden" || result.error === "signedOut")) return "denied";
    return "allowed";
  } catch {
    return "allowed"; // got past the check and failed later (redirect, no request scope …)
  }
}

describe("authorization matrix", () => {
  it("finds every server action, each built with defineAction and listed in EXPECTED", () => {
    expect(actions.length).toBeGreaterThan(0);
    for (const { file, exportName, action } of actions) {
      expect(typeof action, `${file}#${exportName}`).toBe("function");
      expect(action.policy, `${file}#${exportName} is not a defineAction action`).toBeDefined();
      expect(EXPECTED, `${file}#${exportName} (${action.actionName}) has no rule in EXPECTED`).toHaveProperty([action.actionName]);
    }
    const names = actions.map((a) => a.action.actionName);
    expect(new Set(names).size, "action names are unique").toBe(names.length);
  });

  it("finds every route handler method, each built with defineRoute and listed in EXPECTED_ROUTES", () => {
    const files = filesNamed(path.join(ROOT, "app"), "route.ts");
    expect(
      files.filter((f) => FRAMEWORK_ROUTES.has(f)),
      "framework routes still exist",
    ).toEqual([...FRAMEWORK_ROUTES]);
    expect(routes.length).toBeGreaterThan(0);
    for (const { key, route } of routes) {
      expect(typeof route, key).toBe("function");
      expect(route.policy, `${key} is not a defineRoute handler`).toBeDefined();
      expect(EXPECTED_ROUTES, `${key} (${route.routeName}) has no rule in EXPECTED_ROUTES`).toHaveProperty([key]);
      // The policy in the code and the expected callers agree on public or not.
      if (EXPECTED_ROUTES[key] === "public") expect(route.policy, key).toBe("public");
      else expect(route.policy, key).not.toBe("public");
    }
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(EXPECTED_ROUTES).sort());
  });

  it("allows exactly the expected roles for every action, and denies and audits the rest", async () => {
    let cells = 0;
    const unexpected: string[] = [];
    for (const { action } of actions) {
      const expected = EXPECTED[action.actionName]!;
      for (const role of [...ALL, null]) {
        const user = role ? users.get(role)! : null;
        const shouldAllow = expected === "public" || (role !== null && expected.includes(role));
        const got = await outcome(action, user);
        cells++;
        if ((got === "allowed") !== shouldAllow) unexpected.push(`${action.actionName} as ${role ?? "signed out"}: ${got}`);
      }
    }
    console.log(
      `authorization matrix: ${actions.length} actions × ${ALL.length + 1} callers = ${cells} cells, ${unexpected.length} unexpected`,
    );
    expect(unexpected).toEqual([]);
    const denied = await prisma.auditLog.count({ where: { action: { startsWith: "denied." }, userAgent: "authz-matrix" } });
    expect(denied).toBeGreaterThan(0);
  });

  it("route handlers answer 401 signed out and an audited 404 to roles without their permission", async () => {
    console.log(`authorization matrix: ${routes.length} route methods × ${ALL.length + 1} callers`);
    for (const { key, file, method, route } of routes) {
      const expected = EXPECTED_ROUTES[key]!;
      // A route with an [id] gets an id that exists nowhere: an allowed role then gets
      // "not found" too, so there the difference is the audited denial.
      const withId = file.includes("[id]");
      const call = () =>
        route(new Request("http://localhost/x", { method }), withId ? { params: Promise.resolve({ id: randomUUID() }) } : undefined);
      session.user = null;
      const signedOut = (await call()).status;
      if (TOKEN_ROUTES.has(key)) expect(signedOut, `${key} signed out`).toBe(404);
      else if (expected === "public") expect(signedOut, `${key} signed out`).toBe(200);
      else expect(signedOut, `${key} signed out`).toBe(401);
      for (const role of ALL) {
        const user = users.get(role)!;
        session.user = user;
        const deniedBefore = await prisma.auditLog.count({ where: { actorUserId: user.userId, action: { startsWith: "denied." } } });
        const status = (await call()).status;
        const deniedAfter = await prisma.auditLog.count({ where: { actorUserId: user.userId, action: { startsWith: "denied." } } });
        const allowed = expected === "public" || expected.includes(role);
        if (!allowed || TOKEN_ROUTES.has(key)) expect(status, `${key} as ${role}`).toBe(404);
        else if (withId) expect(status, `${key} as ${role}`).not.toBe(401);
        // An allowed GET answers the file; an allowed POST without a file is refused after the gate.
        else if (method === "GET") expect(status, `${key} as ${role}`).toBe(200);
        else expect(status, `${key} as ${role}`).toBe(400);
        expect(deniedAfter - deniedBefore, `${key} as ${role}: denial audited`).toBe(allowed ? 0 : 1);
      }
    }
  });
});
