/**
 * The long lists read through indexes, not by scanning tables: on a demo city large
 * enough that the planner's choice means something (seedDemoData with thousands of
 * enterprises, then ANALYZE), every statement each list function sends — its first page,
 * a page a few hops in, and the page before that, with and without filters, for each kind
 * of user — is captured from Prisma's query log and EXPLAINed with its parameters, and no
 * plan may contain a Seq Scan on "Request", "LedgerEntry" or "Enterprise". The planner
 * chooses freely (no enable_* settings): this is the plan production would get.
 *
 * Not covered, on purpose (known scans, documented where the queries are):
 *   - a search by text (q): a substring match on serial/title/name has no index to use
 *     (pg_trgm cannot split Chinese text into trigrams under the C collation);
 *   - a bank's view of the enterprise registry: its scope (paired with the bank, or sent
 *     it a request) is a set the planner builds by hashing the bank's requests.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import type { TPageCursor } from "@/lib/pagination/keyset";
import { listRegistryEnterprises } from "@/lib/registry/queries/registry-enterprises";
import { parseEnterpriseFilters } from "@/lib/registry/rules";
import { parseRequestListFilters } from "@/lib/requests/list-filters";
import { INBOX_LISTS, listBankInbox } from "@/lib/requests/queries/list-bank-inbox";
import { listParkQueue } from "@/lib/requests/queries/list-park-queue";
import { getParkDashboard } from "@/lib/dashboard/queries/get-park-dashboard";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { escalateParkReviews } from "@/lib/requests/mutations/escalate-park-reviews";
import { recomputeParkReviewDeadlines } from "@/lib/requests/mutations/recompute-park-review-deadlines";
import { sendParkReviewNotices } from "@/lib/requests/mutations/send-park-review-notices";
import { startMissingParkReviewClocks } from "@/lib/requests/mutations/start-missing-park-review-clocks";
import { listRequests } from "@/lib/requests/queries/list-requests";
import { readProblemList } from "@/lib/requests/queries/read-problem-list";
import { SUPERVISION_TABS, listSupervisionQueue } from "@/lib/requests/queries/list-supervision-queue";
import { readSupervisionCounts } from "@/lib/read-models/queries/read-supervision-counts";
import { shanghaiQuarter } from "@/lib/requests/quarter";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import { halfYearOf } from "@/lib/dashboard/park-visits";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { listSummons } from "@/lib/summons/queries/list-summons";
import { listBankLoans } from "@/lib/loans/queries/list-bank-loans";
import { listEnterpriseLoans } from "@/lib/loans/queries/list-enterprise-loans";
import { listQuestionnaireResponses } from "@/lib/questionnaires/queries/list-questionnaire-responses";
import { listQuestionnaires } from "@/lib/questionnaires/queries/list-questionnaires";
import { listSupportPairings } from "@/lib/support/queries/list-support-pairings";
import { listSupportReports } from "@/lib/support/queries/list-support-reports";
import { listVisits } from "@/lib/visits/queries/list-visits";
import { getEventDetail } from "@/lib/events/queries/get-event-detail";
import { listEventRegistrations } from "@/lib/events/queries/list-event-registrations";
import { listEvents } from "@/lib/events/queries/list-events";
import { getKeyListMember } from "@/lib/key-lists/queries/get-key-list-member";
import { listKeyListMembers } from "@/lib/key-lists/queries/list-key-list-members";
import { listKeyLists } from "@/lib/key-lists/queries/list-key-lists";
import { readKeyListCoverage } from "@/lib/key-lists/queries/read-key-list-coverage";
import { readVisitMatrix } from "@/lib/visits/queries/read-visit-matrix";
import { migrate } from "@/scripts/db/migrate";
import { createFreshDatabase, type FreshDatabase } from "./harness";

const ENTERPRISES = 15_000;
const REFERENCE_DATE = "2026-11-27";
const NOW = new Date("2026-11-27T10:00:00+08:00");
const WATCHED = new Set([
  "Request",
  "LedgerEntry",
  "Enterprise",
  // Filled to city size by the matching-events and key-lists block below, before its own checks.
  "MatchEvent",
  "MatchEventRegistration",
  "MatchEventIntention",
  // Not KeyList nor KeyListTally: a row per list (tens a year), per list and bank; a few
  // pages the planner rightly reads whole.
  "KeyListMember",
  "KeyListContact",
]);

type TStatement = { query: string; params: string };
type TPlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: TPlanNode[] };
type TPageResult = { next: string | null; previous: string | null };

let fresh: FreshDatabase;
let prisma: PrismaClient;
let explainer: pg.Client;
const captured: TStatement[] = [];
const actors = {} as Record<"finance" | "pbc" | "liaison" | "manager" | "park" | "enterprise", TActorSource>;

async function actor(where: { account: string } | { role: "BANK_MANAGER"; org: { parentId: null } }): Promise<TActorSource> {
  const u = await prisma.user.findFirstOrThrow({
    where,
    orderBy: { account: "asc" },
    select: { id: true, role: true, orgId: true, org: { select: { kind: true } } },
  });
  return { userId: u.id, role: u.role, orgId: u.orgId, orgKind: u.org.kind };
}

beforeAll(async () => {
  fresh = await createFreshDatabase("plans");
  await migrate(fresh.url, { onLog: () => {} });
  const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url }), log: [{ emit: "event", level: "query" }] });
  logged.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
  prisma = logged;
  await seedDemoData(prisma, { enterprises: ENTERPRISES, referenceDate: REFERENCE_DATE });
  explainer = new pg.Client({ connectionString: fresh.url });
  await explainer.connect();
  // Fresh statistics, as autovacuum would have them on a live database.
  await explainer.query("ANALYZE");
  actors.finance = await actor({ account: "finance.admin" });
  actors.pbc = await actor({ account: "pbc.staff" });
  actors.liaison = await actor({ account: "bank.liaison" });
  actors.manager = await actor({ role: "BANK_MANAGER", org: { parentId: null } });
  actors.park = await actor({ account: "park.window" });
  actors.enterprise = await actor({ account: "enterprise.owner" });
}, 240_000);

afterAll(async () => {
  await explainer?.end();
  await prisma?.$disconnect();
  await fresh?.drop();
});

function seqScans(node: TPlanNode, out: string[] = []): string[] {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"] && WATCHED.has(node["Relation Name"])) out.push(node["Relation Name"]);
  for (const child of node.Plans ?? []) seqScans(child, out);
  return out;
}

/** Runs `read`, then EXPLAINs every statement it sent. */
async function plansOf(read: () => Promise<unknown>): Promise<{ query: string; plan: TPlanNode }[]> {
  captured.length = 0;
  await read();
  const statements = [...captured];
  expect(statements.length).toBeGreaterThan(0);
  const plans: { query: string; plan: TPlanNode }[] = [];
  for (const s of statements) {
    const result = await explainer.query(`EXPLAIN (FORMAT JSON) ${s.query}`, JSON.parse(s.params) as unknown[]);
    plans.push({ query: s.query, plan: (result.rows[0] as { "QUERY PLAN": { Plan: TPlanNode }[] })["QUERY PLAN"][0]!.Plan });
  }
  return plans;
}

/** The statements of `read` whose plan scans a watched table. */
async function scansOf(read: () => Promise<unknown>): Promise<string[]> {
  const found: string[] = [];
  for (const { query, plan } of await plansOf(read)) {
    const scans = seqScans(plan);
    if (scans.length > 0) found.push(`Seq Scan on ${scans.join(", ")}: ${query}`);
  }
  return found;
}

function nodesOf(node: TPlanNode, out: TPlanNode[] = []): TPlanNode[] {
  out.push(node);
  for (const child of node.Plans ?? []) nodesOf(child, out);
  return out;
}

/**
 * The first page, a page `hops` pages in, and the page before that one (read backwards):
 * each one's statements must read through indexes.
 */
async function expectIndexedPages(read: (cursor: TPageCursor | null) => Promise<TPageResult>, hops = 3): Promise<void> {
  expect(await scansOf(() => read(null))).toEqual([]);
  let cursor: TPageCursor | null = null;
  for (let i = 0; i < hops; i++) {
    const page = await read(cursor);
    if (!page.next) break;
    cursor = { direction: "after", token: page.next };
  }
  expect(await scansOf(() => read(cursor))).toEqual([]);
  const later = await read(cursor);
  if (later.previous) {
    const back: TPageCursor = { direction: "before", token: later.previous };
    expect(await scansOf(() => read(back))).toEqual([]);
  }
}

describe("the request list", () => {
  const list =
    (who: keyof typeof actors, params: Record<string, string> = {}) =>
    (cursor: TPageCursor | null) =>
      listRequests(prisma, actors[who], { ...parseRequestListFilters(params), cursor }, NOW);

  it("for the finance office and the central bank, with and without filters", async () => {
    await expectIndexedPages(list("finance"));
    await expectIndexedPages(list("pbc"));
    await expectIndexedPages(list("finance", { status: "ESCALATED" }));
    await expectIndexedPages(list("finance", { type: "DIFFICULTY" }));
    await expectIndexedPages(list("finance", { overdue: "1" }));
    const park = await prisma.park.findFirstOrThrow({ orderBy: { code: "asc" }, select: { id: true } });
    await expectIndexedPages(list("finance", { park: park.id }));
    const bank = await prisma.organization.findFirstOrThrow({
      where: { kind: "BANK", parentId: null },
      orderBy: { name: "asc" },
      select: { id: true },
    });
    await expectIndexedPages(list("finance", { bank: bank.id, overdue: "1" }));
  });

  it("for a bank (a sub-branch, a head office), a park window and an enterprise", async () => {
    await expectIndexedPages(list("liaison"));
    await expectIndexedPages(list("manager"));
    await expectIndexedPages(list("manager", { status: "SIGNED" }));
    await expectIndexedPages(list("park"));
    await expectIndexedPages(list("park", { status: "SUBMITTED" }));
    await expectIndexedPages(list("enterprise"));
  });
});

describe("the problem list download", () => {
  // Every batch of the file (the list's where and order, a thousand rows at a time), read
  // through the list's indexes however far into the list it is.
  const download =
    (who: keyof typeof actors, params: Record<string, string> = {}) =>
    async () => {
      for await (const batch of readProblemList(prisma, actors[who], { ...parseRequestListFilters(params), cursor: null }, { now: NOW }))
        expect(batch.length).toBeGreaterThan(0);
    };

  it("for a park window and the finance office, with and without filters", async () => {
    expect(await scansOf(download("park"))).toEqual([]);
    expect(await scansOf(download("park", { status: "ANSWERED" }))).toEqual([]);
    expect(await scansOf(download("finance", { type: "DIFFICULTY" }))).toEqual([]);
    const park = await prisma.park.findFirstOrThrow({ orderBy: { code: "asc" }, select: { id: true } });
    expect(await scansOf(download("finance", { park: park.id }))).toEqual([]);
  });
});

describe("the bank inbox", () => {
  it("its assigned items and its copies, for a sub-branch and a head office", async () => {
    for (const who of ["liaison", "manager"] as const) {
      for (const list of INBOX_LISTS)
        await expectIndexedPages(async (cursor) => (await listBankInbox(prisma, actors[who], { now: NOW, list, cursor })).page);
    }
  });

  // On this seed a bank holds a few dozen running items per state, and sorting them is the
  // planner's cheapest choice; at city size (a bank with thousands) it reads the indexes in
  // order instead. So these statements are explained with sorting and bitmap reads
  // discouraged: an index that cannot serve the order (or the filter) still leaves a Sort
  // node (or a heap read) in the plan.
  async function planWithoutSorting(statement: TStatement): Promise<TPlanNode[]> {
    await explainer.query("SET enable_sort = off; SET enable_bitmapscan = off");
    try {
      const result = await explainer.query(`EXPLAIN (FORMAT JSON) ${statement.query}`, JSON.parse(statement.params) as unknown[]);
      return nodesOf((result.rows[0] as { "QUERY PLAN": { Plan: TPlanNode }[] })["QUERY PLAN"][0]!.Plan);
    } finally {
      await explainer.query("RESET enable_sort; RESET enable_bitmapscan");
    }
  }

  it("reads the running items in order one state at a time, and counts recent answers from the index alone", async () => {
    captured.length = 0;
    await listBankInbox(prisma, actors.liaison, { now: NOW });
    const statements = [...captured];
    // The running items: one statement, a UNION ALL of one ordered read per running state,
    // joined to the names the list shows.
    const running = statements.filter(({ query }) => query.includes("UNION ALL") && query.includes(`r."dueAt" ASC NULLS LAST`));
    expect(running.length, "one statement for the running items").toBe(1);
    const plan = await planWithoutSorting(running[0]!);
    const append = plan.find((n) => n["Node Type"] === "Append" || n["Node Type"] === "Merge Append");
    expect(append, "the branches' union").toBeDefined();
    const branches = (append!.Plans ?? []).map((p) => nodesOf(p));
    expect(branches.length, "one read per running state").toBe(3);
    for (const nodes of branches) {
      expect(nodes.map((n) => n["Index Name"])).toContain("Request_assignedBankId_status_dueAt_serial_answeredAt_id_idx");
      expect(nodes.map((n) => n["Node Type"])).toContain("Index Only Scan");
      expect(nodes.map((n) => n["Node Type"])).not.toContain("Sort");
    }
    // The lists' other totals are one statement of three capped counts, in this order:
    // recent answers, answers waiting for documents, copies.
    const totals = statements.find(({ query }) => query.includes("count(*)") && query.includes(`"answeredAt" >=`));
    expect(totals, "the lists' totals").toBeDefined();
    const [answered, awaiting, copies] = await partsWithoutSorting(totals!);
    // answerKind rides in the index: leaving out the answers waiting for documents reads no row.
    expect(answered!.map((n) => n["Index Name"])).toContain("Request_assignedBankId_status_answeredAt_serial_id_answerKi_idx");
    expect(answered!.map((n) => n["Node Type"])).toContain("Index Only Scan");
    expect(awaiting!.map((n) => n["Index Name"])).toContain("Request_assignedBankId_answerKind_status_answeredAt_serial__idx");
    expect(awaiting!.map((n) => n["Node Type"])).toContain("Index Only Scan");
    expect(
      copies!.map((n) => n["Index Name"]).some((name) => name?.startsWith("RequestRoute_bankOrgId_role")),
      JSON.stringify(copies),
    ).toBe(true);
    for (const part of [answered!, awaiting!, copies!]) {
      expect(part.map((n) => n["Node Type"])).not.toContain("Sort");
      expect(part.filter((n) => n["Node Type"] === "Seq Scan").map((n) => n["Relation Name"])).toEqual([]);
    }
  });

  // The nodes of each sub-select of a statement of several (its InitPlans), in order.
  async function partsWithoutSorting(statement: TStatement): Promise<TPlanNode[][]> {
    const [top] = await planWithoutSorting(statement);
    const parts = (top!.Plans ?? []).map((p) => nodesOf(p));
    expect(parts.length, statement.query).toBe(3);
    return parts;
  }

  it("reads the items waiting for the enterprise's documents in order from their own index, and counts them from it", async () => {
    captured.length = 0;
    await listBankInbox(prisma, actors.liaison, { now: NOW, list: "awaitingEnterprise" });
    const statements = captured.filter(({ query }) => query.includes(`"answerKind" = `));
    const page = statements.find(({ query }) => /ORDER BY ("\w+"\.)+"answeredAt" ASC/.test(query) && !query.includes("count(*)"));
    const totals = statements.find(({ query }) => query.includes("count(*)"));
    expect(page, "the page's read").toBeDefined();
    expect(totals, "the lists' totals").toBeDefined();
    // The totals' second part counts this list.
    const counted = (await partsWithoutSorting(totals!))[1]!;
    expect(counted.map((n) => n["Index Name"])).toContain("Request_assignedBankId_answerKind_status_answeredAt_serial__idx");
    expect(counted.filter((n) => n["Node Type"] === "Seq Scan").map((n) => n["Relation Name"])).not.toContain("Request");
    const statement = page!;
    const nodes = await planWithoutSorting(statement);
    expect(
      nodes.map((n) => n["Index Name"]),
      statement.query,
    ).toContain("Request_assignedBankId_answerKind_status_answeredAt_serial__idx");
    expect(
      nodes.map((n) => n["Node Type"]),
      statement.query,
    ).not.toContain("Sort");
    // Small tables (rule versions, organizations) may be scanned; the items never.
    expect(
      nodes.filter((n) => n["Node Type"] === "Seq Scan").map((n) => n["Relation Name"]),
      statement.query,
    ).not.toContain("Request");
  });
});

describe("the supervision queue", () => {
  it("every tab, with the tabs' counts", async () => {
    for (const tab of SUPERVISION_TABS) {
      await expectIndexedPages((cursor) => listSupervisionQueue(prisma, actors.finance, { tab, now: NOW, cursor }));
    }
  });

  it("the default tab's first page reads its index in order, one state at a time, without sorting every overdue item", async () => {
    const plans = await plansOf(() => listSupervisionQueue(prisma, actors.finance, { tab: "supervision", now: NOW }));
    const branches = plans.filter(({ query }) => /ORDER BY ("\w+"\.)+"dueAt"/.test(query));
    expect(branches.length, "one read per state of the tab").toBe(3);
    for (const { query, plan } of branches) {
      const nodes = nodesOf(plan);
      expect(
        nodes.map((n) => n["Index Name"]),
        query,
      ).toContain("Request_status_dueAt_escalatedAt_serial_idx");
      expect(
        nodes.map((n) => n["Node Type"]),
        query,
      ).not.toContain("Sort");
    }
  });
});

describe("the supervision tabs' counts", () => {
  // On every finance dashboard and supervision view: each count is read from an index
  // alone, however many items the quarter flagged for the bulletin.
  it("read each small tab, and the quarter's bulletin items, from an index alone, never the items' rows", async () => {
    const plans = await plansOf(() => readSupervisionCounts(prisma, NOW, shanghaiQuarter(NOW)));
    const small = plans.filter(({ query }) => query.includes("bulletinAt"));
    expect(small.length, "the disputes, withdrawals and bulletin counts in one statement").toBe(1);
    const reads = nodesOf(small[0]!.plan).filter((n) => n["Relation Name"] === "Request");
    expect(reads.length).toBe(3);
    expect(reads.map((n) => n["Node Type"])).toEqual(["Index Only Scan", "Index Only Scan", "Index Only Scan"]);
  });
});

describe("the park review queue", () => {
  it("for the park window", async () => {
    await expectIndexedPages((cursor) => listParkQueue(prisma, actors.park, cursor));
  });

  // The deadline scan's park steps run city-wide every 5 minutes; the dashboard's overdue
  // count runs on every park dashboard view. Run in a transaction that is rolled back, so
  // the demo data stays as seeded for the other tests.
  it("the scan's park-review steps, its calendar recompute and the dashboard's overdue count read through indexes", async () => {
    class Rollback extends Error {}
    const calendar = await loadWorkingCalendar(prisma);
    const scanSteps = () =>
      prisma
        .$transaction(async (tx) => {
          await startMissingParkReviewClocks(tx, calendar);
          await escalateParkReviews(tx, NOW, calendar);
          await sendParkReviewNotices(tx, NOW, calendar);
          await recomputeParkReviewDeadlines(tx, {
            from: new Date("2026-11-26T16:00:00Z"),
            toExclusive: new Date("2026-11-27T16:00:00Z"),
            calendar,
            reason: { change: "calendar.dayAdded" },
            actorUserId: null,
            actorOrgId: null,
            now: NOW,
          });
          throw new Rollback();
        })
        .catch((e: unknown) => {
          if (!(e instanceof Rollback)) throw e;
        });
    // Only the statements on the park review deadline (not the transaction's BEGIN/ROLLBACK
    // or the dashboard's other reads, which the tests above cover).
    const parkStatements = async (read: () => Promise<unknown>) => {
      captured.length = 0;
      await read();
      const plans: { query: string; plan: TPlanNode }[] = [];
      for (const st of captured.filter(({ query }) => query.includes("parkDueAt"))) {
        const result = await explainer.query(`EXPLAIN (FORMAT JSON) ${st.query}`, JSON.parse(st.params) as unknown[]);
        plans.push({ query: st.query, plan: (result.rows[0] as { "QUERY PLAN": { Plan: TPlanNode }[] })["QUERY PLAN"][0]!.Plan });
      }
      return plans;
    };
    const plans = [...(await parkStatements(scanSteps)), ...(await parkStatements(() => getParkDashboard(prisma, actors.park, NOW)))];
    expect(plans.length, "the backfill, escalation, notices, recompute and the dashboard count").toBeGreaterThanOrEqual(5);
    expect(plans.filter(({ plan }) => seqScans(plan).length > 0).map(({ query }) => query)).toEqual([]);
  });
});

describe("the enterprise registry", () => {
  const list =
    (who: keyof typeof actors, params: Record<string, string> = {}) =>
    async (cursor: TPageCursor | null) =>
      listRegistryEnterprises(prisma, actors[who], await loadScopeContext(prisma, actors[who]), parseEnterpriseFilters(params), cursor);

  it("for the finance office, the central bank and a park window, with filters", async () => {
    await expectIndexedPages(list("finance"), 5);
    await expectIndexedPages(list("pbc"));
    await expectIndexedPages(list("park"), 5);
    await expectIndexedPages(list("finance", { section: "C", size: "SMALL" }));
    await expectIndexedPages(list("finance", { class: "A", status: "all" }));
    await expectIndexedPages(list("park", { tag: "专精特新" }));
    await expectIndexedPages(list("finance", { status: "inactive" }));
  });
});

describe("the field-work lists", () => {
  // Their own tables are small on any city (a few summons, visits and reports per bank and
  // year), so only the big tables they join or filter through are watched here.
  it("summons, park visits, 1+1 pairings and reports, and the finance office's visit matrix", async () => {
    for (const who of ["finance", "pbc", "manager", "liaison"] as const) {
      await expectIndexedPages((cursor) => listSummons(prisma, actors[who], cursor, { now: NOW }));
      await expectIndexedPages((cursor) => listVisits(prisma, actors[who], cursor));
      const ctx = await loadScopeContext(prisma, actors[who]);
      const program = await getCurrentProgram(prisma, 2026, NOW);
      expect(program, "the demo's program").not.toBeNull();
      await expectIndexedPages((cursor) =>
        listSupportPairings(prisma, actorOf(actors[who]), ctx, { programId: program!.id, year: program!.year }, cursor),
      );
      await expectIndexedPages((cursor) => listSupportReports(prisma, actorOf(actors[who]), ctx, { status: null }, cursor));
    }
    await expectIndexedPages((cursor) => listVisits(prisma, actors.park, cursor));
    const program = await getCurrentProgram(prisma, 2026, NOW);
    expect(await scansOf(() => readVisitMatrix(prisma, program!.id, halfYearOf(NOW)))).toEqual([]);
  });
});

describe("the loan register and the questionnaires", () => {
  it("a bank's loans (with a maturity window), an enterprise's loans, the questionnaires and their responses", async () => {
    await expectIndexedPages((cursor) => listBankLoans(prisma, actors.liaison, {}, cursor));
    await expectIndexedPages((cursor) =>
      listBankLoans(prisma, actors.manager, { maturesFrom: "2026-12-01", maturesTo: "2027-06-30" }, cursor),
    );
    expect(await scansOf(() => listEnterpriseLoans(prisma, actors.enterprise))).toEqual([]);
    await expectIndexedPages((cursor) => listQuestionnaires(prisma, actors.finance, cursor));
    // The seeded closed questionnaire was answered by every third enterprise: thousands here.
    const answered = await prisma.questionnaire.findFirstOrThrow({ where: { status: "CLOSED" }, select: { id: true } });
    await expectIndexedPages((cursor) => listQuestionnaireResponses(prisma, actors.finance, answered.id, cursor), 5);
  });
});

describe("the matching events and the key-enterprise lists", () => {
  // The demo seeds a handful of each; a city runs thousands of events a few years on, and
  // its key lists hold tens of thousands of members: rows added here in bulk (straight SQL,
  // through the tally triggers), then ANALYZE, so the planner's choice is the production one.
  let bigEvent: string;
  let bigList: string;
  let contactedMember: string;
  beforeAll(async () => {
    const q = (text: string) => explainer.query(text);
    const idOf = async (text: string) => ((await q(text)).rows[0] as { id: string }).id;
    const finance = await idOf(`SELECT id::text FROM "Organization" WHERE kind = 'FINANCE_OFFICE' LIMIT 1`);
    // 4,000 events over four years, a quarter of them city-wide, the rest spread over the parks.
    await q(`
      INSERT INTO "MatchEvent" (id, type, title, "organiserOrgId", "parkId", "startsAt", capacity, status, "participantOrgIds")
      SELECT gen_random_uuid(), (ARRAY['MATCHMAKING','FINANCE_LOUNGE','BRIEFING','ROADSHOW'])[1 + i % 4]::"MatchEventType",
             '对接活动 ' || i, '${finance}'::uuid,
             CASE WHEN i % 4 = 0 THEN NULL ELSE (SELECT id FROM "Park" ORDER BY id OFFSET (i % (SELECT count(*) FROM "Park")) LIMIT 1) END,
             timestamptz '2023-01-01 09:30+08' + i * interval '8 hours', 200,
             CASE WHEN i % 10 = 0 THEN 'CANCELLED' ELSE 'HELD' END::"MatchEventStatus",
             ARRAY(SELECT id FROM "Organization" WHERE kind = 'BANK' ORDER BY id LIMIT 3)
        FROM generate_series(1, 4000) i`);
    // 150 registrations for each of 400 events, 3,000 for the big one; intentions alike.
    await q(`
      INSERT INTO "MatchEventRegistration" (id, "eventId", "enterpriseId", "contactName", "contactPhone", status, attended, "createdAt")
      SELECT gen_random_uuid(), ev.id, en.id, '联系人', '13800000000', 'REGISTERED', en.n % 3 = 0, ev."startsAt" - en.n * interval '1 minute'
        FROM (SELECT id, "startsAt" FROM "MatchEvent" ORDER BY "startsAt" LIMIT 400) ev
        CROSS JOIN LATERAL (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Enterprise"
                             ORDER BY id OFFSET (abs(hashtext(ev.id::text)) % 10000) LIMIT 150) en`);
    bigEvent = await idOf(`SELECT id::text FROM "MatchEvent" WHERE title = '对接活动 3999'`);
    await q(`
      INSERT INTO "MatchEventRegistration" (id, "eventId", "enterpriseId", "contactName", "contactPhone", status, "createdAt")
      SELECT gen_random_uuid(), '${bigEvent}'::uuid, id, '联系人', '13800000000', 'REGISTERED', now() - row_number() OVER (ORDER BY id) * interval '1 minute'
        FROM "Enterprise" ORDER BY id LIMIT 3000`);
    await q(`
      INSERT INTO "MatchEventIntention" (id, "eventId", "bankOrgId", "enterpriseId", "intendedFen", "updatedAt", "createdAt")
      SELECT gen_random_uuid(), r."eventId", (SELECT id FROM "Organization" WHERE kind = 'BANK' ORDER BY id OFFSET (r.n % 5) LIMIT 1),
             r."enterpriseId", 1000000, now(), r."createdAt"
        FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM "MatchEventRegistration") r WHERE r.n % 2 = 0`);
    // 300 key lists of 150 members, and one of 12,000; contacts for half the members.
    await q(`
      INSERT INTO "KeyList" (id, "programId", year, name, status, "createdById", "createdAt", "assignedAt")
      SELECT gen_random_uuid(), p.id, 2024 + i % 3, '重点企业名单 ' || i, 'ASSIGNED', u.id, now() - i * interval '1 day', now()
        FROM generate_series(1, 301) i, (SELECT id FROM "Program" ORDER BY year DESC LIMIT 1) p,
             (SELECT u.id FROM "User" u WHERE u.account = 'finance.admin') u`);
    bigList = await idOf(`SELECT id::text FROM "KeyList" WHERE name = '重点企业名单 1'`);
    await q(`
      INSERT INTO "KeyListMember" (id, "listId", "enterpriseId", uscc, "bankOrgId")
      SELECT gen_random_uuid(), l.id, e.id, e.uscc, b.id
        FROM "KeyList" l
        CROSS JOIN LATERAL (SELECT id, uscc, row_number() OVER (ORDER BY id) AS n FROM "Enterprise"
                             ORDER BY id OFFSET (abs(hashtext(l.id::text)) % 10000) LIMIT CASE WHEN l.id = '${bigList}'::uuid THEN 12000 ELSE 150 END) e
        CROSS JOIN LATERAL (SELECT id FROM "Organization" WHERE kind = 'BANK' AND active ORDER BY id OFFSET (e.n % 8) LIMIT 1) b
       WHERE l.name LIKE '重点企业名单 %'`);
    await q(`
      INSERT INTO "KeyListContact" (id, "listId", "memberId", "bankOrgId", "contactedOn", way, outcome, "recordedById")
      SELECT gen_random_uuid(), m."listId", m.id, m."bankOrgId", date '2026-10-01' + (n % 50)::int, 'PHONE', 'CONNECTED',
             (SELECT id FROM "User" WHERE account = 'finance.admin')
        FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM "KeyListMember" WHERE "bankOrgId" IS NOT NULL) m WHERE m.n % 2 = 0`);
    contactedMember = await idOf(
      `SELECT "memberId"::text AS id FROM "KeyListContact" WHERE "listId" = '${bigList}'::uuid ORDER BY id LIMIT 1`,
    );
    await q("ANALYZE");
  }, 240_000);

  it("the calendar of events, one event's registrations and its intentions, for each kind of user", async () => {
    for (const who of ["finance", "pbc", "liaison", "park", "enterprise"] as const)
      await expectIndexedPages((cursor) => listEvents(prisma, actors[who], cursor));
    await expectIndexedPages((cursor) => listEventRegistrations(prisma, bigEvent, { fullMobile: false, cursor }), 5);
    for (const who of ["finance", "liaison", "enterprise"] as const)
      expect(await scansOf(() => getEventDetail(prisma, actors[who], bigEvent, { now: NOW }))).toEqual([]);
  });

  it("the key lists, a big list's members, their coverage and one member's contacts, for the office and a bank", async () => {
    for (const who of ["finance", "manager", "liaison"] as const) {
      await expectIndexedPages((cursor) => listKeyLists(prisma, actors[who], cursor));
      await expectIndexedPages((cursor) => listKeyListMembers(prisma, actors[who], bigList, cursor), 5);
      expect(await scansOf(() => readKeyListCoverage(prisma, actors[who], { listIds: [bigList] }))).toEqual([]);
    }
    expect(await scansOf(() => getKeyListMember(prisma, actors.finance, contactedMember))).toEqual([]);
  });
});
