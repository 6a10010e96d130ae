import type { Page } from "@playwright/test";
import { queryDemo } from "./demo-data";

// A real id for each dynamic route, one the signed-in account may see: from the demo
// database (scoped by the account's organization, $1 = account), or — where the scope
// rules are the page's business — the first matching link on the list page.

type TResolver = { sql: string } | { linkOn: string };

// The account's organization, and whether it sees the whole city.
const ME = `WITH me AS (SELECT u."orgId", u.role IN ('FINANCE_ADMIN','FINANCE_STAFF','CENTRAL_BANK_STAFF') AS city FROM "User" u WHERE u.account = $1)`;
const OWN_ENTERPRISE = `(me.city
  OR e."orgId" = me."orgId"
  OR e."parkId" IN (SELECT p.id FROM "Park" p WHERE p."orgId" = me."orgId")
  OR e.id IN (SELECT r."enterpriseId" FROM "Request" r WHERE r."assignedBankId" = me."orgId"))`;

const RESOLVERS: Record<string, TResolver> = {
  "/requests/[id]": {
    // An answered item shows the most of the page (timeline, answer, rating form).
    sql: `${ME} SELECT r.id FROM "Request" r JOIN "Enterprise" e ON e.id = r."enterpriseId", me
          WHERE r.status <> 'DRAFT' AND (me.city OR e."orgId" = me."orgId" OR r."assignedBankId" = me."orgId"
            OR r."parkId" IN (SELECT p.id FROM "Park" p WHERE p."orgId" = me."orgId"))
          ORDER BY (r.status = 'ANSWERED') DESC, r.serial LIMIT 1`,
  },
  "/requests/[id]/edit": {
    sql: `${ME} SELECT r.id FROM "Request" r JOIN "Enterprise" e ON e.id = r."enterpriseId", me
          WHERE e."orgId" = me."orgId" AND r.status IN ('DRAFT','RETURNED') ORDER BY r.serial LIMIT 1`,
  },
  "/enterprises/[id]": { sql: `${ME} SELECT e.id FROM "Enterprise" e, me WHERE ${OWN_ENTERPRISE} ORDER BY e.uscc LIMIT 1` },
  "/registry/enterprises/[id]": { sql: `${ME} SELECT e.id FROM "Enterprise" e, me WHERE ${OWN_ENTERPRISE} ORDER BY e.uscc LIMIT 1` },
  "/registry/enterprises/[id]/edit": { sql: `${ME} SELECT e.id FROM "Enterprise" e, me WHERE ${OWN_ENTERPRISE} ORDER BY e.uscc LIMIT 1` },
  "/registry/banks/[id]": {
    sql: `SELECT o.id FROM "Organization" o WHERE o.kind = 'BANK' AND o.active AND $1::text IS NOT NULL ORDER BY o.name LIMIT 1`,
  },
  "/registry/parks/[id]": {
    sql: `SELECT p."orgId" AS id FROM "Park" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.active AND $1::text IS NOT NULL ORDER BY p.code LIMIT 1`,
  },
  "/registry/guarantors/[id]": {
    sql: `SELECT o.id FROM "Organization" o WHERE o.kind = 'GUARANTEE_COMPANY' AND o.active AND $1::text IS NOT NULL ORDER BY o.name LIMIT 1`,
  },
  "/programs/[id]": { linkOn: "/programs" },
  "/targets/[bankOrgId]": { linkOn: "/targets" },
  // "/support/reports" has the shape of "/support/[pairingId]": ids from the database instead.
  "/support/[pairingId]": {
    sql: `${ME} SELECT p.id FROM "EnterpriseBankPairing" p, me WHERE p."endedAt" IS NULL AND (me.city OR p."bankOrgId" = me."orgId") ORDER BY p.year DESC, p.id LIMIT 1`,
  },
  "/support/reports/[id]": {
    sql: `${ME} SELECT s.id FROM "SupportReport" s, me WHERE me.city OR s."bankOrgId" = me."orgId" ORDER BY s.month DESC, s.id LIMIT 1`,
  },
  // Banks see published rankings only; the offices see drafts too.
  "/rankings/[id]": {
    sql: `${ME} SELECT k.id FROM "Ranking" k, me WHERE me.city OR k.status = 'PUBLISHED' ORDER BY k.year DESC, k.quarter DESC LIMIT 1`,
  },
  // The offices open the evaluation in progress (score forms); a bank its finalised one.
  "/evaluations/[id]": { linkOn: "/evaluations" },
  "/submissions/[id]": { linkOn: "/submissions" },
  "/summons/[id]": { linkOn: "/summons" },
  "/users/[id]": { linkOn: "/users" },
  "/products/[id]": { linkOn: "/products" },
  "/products/manage/[id]": { linkOn: "/products/manage" },
  "/visits/[id]": { linkOn: "/visits" },
  // A bank opens a list handed over with members assigned to its own organization.
  "/key-lists/[id]": {
    sql: `${ME} SELECT l.id FROM "KeyList" l, me WHERE me.city OR (l.status <> 'DRAFT'
            AND EXISTS (SELECT 1 FROM "KeyListMember" m WHERE m."listId" = l.id AND m."bankOrgId" = me."orgId"))
          ORDER BY (l.status = 'ASSIGNED') DESC, l."createdAt" DESC, l.id LIMIT 1`,
  },
  "/key-lists/members/[id]": {
    sql: `${ME} SELECT m.id FROM "KeyListMember" m JOIN "KeyList" l ON l.id = m."listId", me
          WHERE me.city OR (l.status <> 'DRAFT' AND m."bankOrgId" = me."orgId")
          ORDER BY (l.status = 'ASSIGNED') DESC, m."contactCount" DESC, m.uscc LIMIT 1`,
  },
  // The held roadshow is city-wide (every role sees it) and shows the most: attendance,
  // intentions, the registrations.
  "/events/[id]": {
    sql: `SELECT e.id FROM "MatchEvent" e WHERE e.status = 'HELD' AND $1::text IS NOT NULL ORDER BY e."startsAt" DESC LIMIT 1`,
  },
  "/documents/[slug]": { linkOn: "/documents" },
  // The offices open the one with the most to show (open, answered); an enterprise one it may answer.
  "/questionnaires/[id]": {
    sql: `SELECT q.id FROM "Questionnaire" q WHERE $1::text IS NOT NULL ORDER BY (q.status = 'OPEN') DESC, q."createdAt" DESC LIMIT 1`,
  },
  "/questionnaires/[id]/answer": {
    sql: `${ME} SELECT q.id FROM "Questionnaire" q, me WHERE q.status = 'OPEN' AND q.target = 'ALL' AND NOT me.city ORDER BY q."createdAt" DESC LIMIT 1`,
  },
  "/plans/[id]": { linkOn: "/plans" },
};

const STATIC_SEGMENTS = new Set(["new", "edit", "manage", "history", "export"]);

function pattern(route: string): RegExp {
  return new RegExp(`^${route.replace(/\[\w+\]/g, "[^/?#]+")}$`);
}

/** The concrete path to visit, or null when the account has no such row (reported, not hidden). */
export async function concretePath(route: string, account: string | null, page: Page): Promise<string | null> {
  if (!route.includes("[")) return route;
  const resolver = RESOLVERS[route];
  if (!resolver) throw new Error(`no id resolver for ${route}: add one to tests/e2e/support/route-ids.ts`);
  if ("sql" in resolver) {
    const [row] = await queryDemo<{ id: string }>(resolver.sql, [account]);
    return row ? route.replace(/\[\w+\]/, row.id) : null;
  }
  await page.goto(resolver.linkOn);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  // "/users/new" has the shape of "/users/[id]" but is a page of its own.
  return hrefs.find((href) => pattern(route).test(href) && !STATIC_SEGMENTS.has(href.split("/").pop()!)) ?? null;
}
