/**
 * Numbers that must agree, on the demo data (a fresh database of its own, seeded for
 * 2026-11-27): every count on the finance office's dashboard and on each tab of the
 * supervision queue equals a count written here over the raw rows ("Request",
 * "LedgerEntry"), never over the read models; the seed leaves the ledger the running
 * system would (a BULLETIN entry for every item it flags); the published bulletin lists a
 * bank without a quarterly return as 未报送, apart from the ranking and the bottom list
 * (docs/decisions/017-missing-quarterly-return.md); and 融资满足率 earns points where
 * the data gives a rate.
 */
import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { loadFinanceDashboard, type TFinanceDashboard } from "@/lib/dashboard/queries/load-finance-dashboard";
import zhIndicators from "@/lib/i18n/messages/zh-CN/indicators.json";
import zhRanking from "@/lib/i18n/messages/zh-CN/ranking.json";
import { verifyLedgerChains } from "@/lib/ledger/queries/verify-ledger-chains";
import { buildRankingWorkbook } from "@/lib/ranking/build-ranking-workbook";
import type { TIndicatorsT, TRankingT } from "@/lib/ranking/format";
import { computeDraftRanking } from "@/lib/ranking/mutations/compute-draft-ranking";
import { publishRanking, reviewRanking } from "@/lib/ranking/mutations/review-ranking";
import { bulletinFromRanking } from "@/lib/ranking/pdf/bulletin-from-ranking";
import { renderBulletinPdf } from "@/lib/ranking/pdf/render-bulletin-pdf";
import { getRanking, type TRankingDetail } from "@/lib/ranking/queries/get-ranking";
import { quarterWindow } from "@/lib/ranking/quarter-window";
import { SUPERVISION_TABS, listSupervisionQueue, type TSupervisionTab } from "@/lib/requests/queries/list-supervision-queue";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { expectedQuarterRates } from "./expected-quarter-rates";
import { createFreshDatabase, type FreshDatabase } from "./harness";

const NOW = new Date("2026-11-27T10:00:00+08:00");
const Q3 = quarterWindow(2026, 3);
const Q4 = quarterWindow(2026, 4); // the quarter NOW is in: the supervision queue's bulletin tab

// The demo banks that filed no valid Q3 return (华夏: a draft only; 光大: none; 中信: returned).
const NOT_FILED = ["华夏银行云溪分行", "中国光大银行云溪分行", "中信银行云溪分行"];

let fresh: FreshDatabase;
let prisma: PrismaClient;
let finance: TActorSource;
let programId: string;
let dashboard: TFinanceDashboard;
let q3: TRankingDetail;

const sql = <T>(text: string, ...values: unknown[]) => prisma.$queryRawUnsafe<T[]>(text, ...values);
const ids = async (text: string, ...values: unknown[]) => (await sql<{ id: string }>(text, ...values)).map((r) => r.id).sort();

// Each tab of the supervision queue as a set of item ids, from the raw rows at NOW.
const RAW_TABS: Record<TSupervisionTab, () => Promise<string[]>> = {
  supervision: () =>
    ids(
      `SELECT id::text FROM "Request"
        WHERE status = 'ESCALATED'
           OR (status IN ('FORWARDED', 'SIGNED') AND "answeredAt" IS NULL AND ("dueAt" < $1 OR "escalationReason" = 'PASSED'))`,
      NOW,
    ),
  disputes: () => ids(`SELECT id::text FROM "Request" WHERE status = 'RETURNED' AND "returnDisputedAt" IS NOT NULL`),
  withdrawals: () =>
    ids(`SELECT id::text FROM "Request" WHERE status = 'WITHDRAWN' AND "withdrawnAfterAnswer" AND "withdrawalCheckedAt" IS NULL`),
  bulletin: () =>
    ids(
      `SELECT DISTINCT r.id::text FROM "Request" r JOIN "LedgerEntry" e ON e."requestId" = r.id
        WHERE r."inBulletin" AND e.action = 'BULLETIN' AND e."occurredAt" >= $1 AND e."occurredAt" < $2`,
      Q4.start,
      Q4.end,
    ),
};

async function actor(account: string): Promise<TActorSource> {
  const u = await prisma.user.findUniqueOrThrow({
    where: { account },
    select: { id: true, role: true, orgId: true, org: { select: { kind: true } } },
  });
  return { userId: u.id, role: u.role, orgId: u.orgId, orgKind: u.org.kind };
}

const messages = { ...zhRanking, ...zhIndicators };
const t = createTranslator({ locale: "zh-CN", messages, namespace: "ranking" }) as unknown as TRankingT;
const ti = createTranslator({ locale: "zh-CN", messages, namespace: "indicators" }) as unknown as TIndicatorsT;

async function bulletinText(ranking: TRankingDetail): Promise<string> {
  const pdf = await renderBulletinPdf(bulletinFromRanking(ranking)!, {
    fontPath: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    fontName: "NotoSansCJKsc-Regular",
    t,
    ti,
    locale: "zh-CN",
  });
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString("utf8");
}

beforeAll(async () => {
  fresh = await createFreshDatabase("counts");
  await migrate(fresh.url, { onLog: () => {} });
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url }) });
  await seedDemoData(prisma, { referenceDate: "2026-11-27" });
  finance = await actor("finance.admin");
  const pbc = await actor("pbc.staff");
  programId = (await prisma.program.findFirstOrThrow({ where: { year: 2026 }, select: { id: true } })).id;
  const { rankingId } = await computeDraftRanking(prisma, finance, { programId, year: 2026, quarter: 3 }, { now: NOW });
  await reviewRanking(prisma, finance, rankingId, { now: NOW });
  await reviewRanking(prisma, pbc, rankingId, { now: NOW });
  await publishRanking(prisma, finance, rankingId, { now: NOW });
  q3 = (await getRanking(prisma, finance, rankingId))!;
  dashboard = await loadFinanceDashboard(prisma, finance, { now: NOW });
}, 300_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await fresh?.drop();
});

describe("the seed flags bulletin items the way the running system does", () => {
  it("writes a system BULLETIN entry for every item marked 列入通报, and none for any other", async () => {
    const flagged = await ids(`SELECT id::text FROM "Request" WHERE "inBulletin"`);
    const withEntry = await ids(`SELECT DISTINCT "requestId"::text AS id FROM "LedgerEntry" WHERE action = 'BULLETIN'`);
    expect(flagged.length).toBeGreaterThan(0);
    expect(withEntry).toEqual(flagged);
  });

  it("flags only what flagForBulletin would: reminded, still unanswered and running at that moment, by the system", async () => {
    const wrong = await sql<{ serial: string }>(
      `SELECT r.serial FROM "LedgerEntry" e JOIN "Request" r ON r.id = e."requestId"
        WHERE e.action = 'BULLETIN'
          AND (e."actorUserId" IS NOT NULL OR r."remindedAt" IS NULL OR e."occurredAt" <= r."remindedAt"
               OR (r."answeredAt" IS NOT NULL AND r."answeredAt" <= e."occurredAt")
               OR e."fromStatus" IS DISTINCT FROM e."toStatus"
               OR e."toStatus" NOT IN ('FORWARDED', 'SIGNED', 'ESCALATED')
               OR e."occurredAt" > $1)`,
      NOW,
    );
    expect(wrong).toEqual([]);
  });

  it("keeps every hash chain intact and each item's version equal to its number of entries", async () => {
    const ledger = await verifyLedgerChains(prisma, { batch: 200 });
    expect(ledger.broken).toEqual([]);
    const off = await sql<{ serial: string }>(
      `SELECT r.serial FROM "Request" r WHERE r.version <> (SELECT count(*) FROM "LedgerEntry" e WHERE e."requestId" = r.id)`,
    );
    expect(off).toEqual([]);
  });
});

describe("every count on the finance office's dashboard equals a count over the raw rows", () => {
  it("items by state: each submitted item once, under its current state", async () => {
    const rows = await sql<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM "Request" WHERE status <> 'DRAFT' GROUP BY status`,
    );
    const raw = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect(dashboard.byStatus).toEqual(Object.fromEntries(Object.keys(dashboard.byStatus).map((s) => [s, raw[s] ?? 0])));
  });

  it("overdue: running, unanswered and past the deadline, in total and per bank and park", async () => {
    const [row] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Request"
        WHERE status IN ('FORWARDED', 'SIGNED', 'ESCALATED') AND "answeredAt" IS NULL AND "dueAt" < $1`,
      NOW,
    );
    expect(dashboard.overdue.total).toBe(row!.n);
    expect(dashboard.overdue.cells.reduce((s, c) => s + c.count, 0)).toBe(row!.n);
    expect(dashboard.overdue.banks.reduce((s, b) => s + b.total, 0)).toBe(row!.n);
    expect(dashboard.overdue.parks.reduce((s, p) => s + p.total, 0)).toBe(row!.n);
  });

  it("the supervision queue's counts, tab by tab, including this quarter's bulletin", async () => {
    for (const tab of SUPERVISION_TABS) expect([tab, dashboard.supervision[tab]]).toEqual([tab, (await RAW_TABS[tab]()).length]);
    // The seeded items put on the bulletin this quarter show here, as they do on the queue.
    expect(dashboard.supervision.bulletin).toBeGreaterThan(0);
  });

  it("the overdue count and the state 督办中 are different sets, each counted once: neither is the 需督办 tab", async () => {
    // Items under supervision that are not overdue (answered, or not yet past a deadline)
    // and overdue items never escalated: why the three numbers differ.
    const tab = new Set(await RAW_TABS.supervision());
    const escalated = await ids(`SELECT id::text FROM "Request" WHERE status = 'ESCALATED'`);
    const overdue = await ids(
      `SELECT id::text FROM "Request" WHERE status IN ('FORWARDED', 'SIGNED', 'ESCALATED') AND "answeredAt" IS NULL AND "dueAt" < $1`,
      NOW,
    );
    expect(escalated.every((id) => tab.has(id))).toBe(true);
    expect(overdue.every((id) => tab.has(id))).toBe(true);
    expect(dashboard.byStatus.ESCALATED).toBe(escalated.length);
    expect(dashboard.overdue.total).toBe(overdue.length);
  });
});

describe("the ranking on the finance office's dashboard", () => {
  it("counts the banks placed and, apart, those without a quarterly return; none of the latter on the bottom list", async () => {
    const [row] = await sql<{ filed: number; total: number }>(
      `SELECT count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM "QuarterlySubmission" s
                 WHERE s."bankOrgId" = e."bankOrgId" AND s."programId" = $1::uuid AND s.year = 2026 AND s.quarter = 3
                   AND s.status IN ('SUBMITTED', 'ACCEPTED')))::int AS filed,
              count(*)::int AS total
         FROM "RankingEntry" e WHERE e."rankingId" = $2::uuid`,
      programId,
      q3.id,
    );
    expect(dashboard.ranking).toMatchObject({ id: q3.id, banks: row!.filed, notFiled: row!.total - row!.filed });
    expect(dashboard.ranking!.notFiled).toBe(NOT_FILED.length);
    expect(dashboard.ranking!.bottom.some((b) => NOT_FILED.includes(b.bankName))).toBe(false);
  });
});

describe("every tab of the supervision queue holds what its count says", () => {
  it("the tab's count equals the raw count, and paging through the tab yields exactly those items", async () => {
    for (const tab of SUPERVISION_TABS) {
      const raw = await RAW_TABS[tab]();
      const seen: string[] = [];
      let cursor: { direction: "after"; token: string } | null = null;
      for (let page = 0; page < 100; page++) {
        const queue = await listSupervisionQueue(prisma, finance, { tab, cursor, pageSize: 7, now: NOW });
        expect([tab, queue.total]).toEqual([tab, raw.length]);
        expect(queue.counts).toEqual(dashboard.supervision);
        seen.push(...queue.items.map((i) => i.id));
        if (tab === "bulletin") expect(queue.items.every((i) => i.inBulletin && i.eventAt !== null)).toBe(true);
        if (!queue.next) break;
        cursor = { direction: "after", token: queue.next };
      }
      expect([tab, seen.sort()]).toEqual([tab, raw]);
    }
  });
});

describe("the published bulletin and a bank without a quarterly return", () => {
  it("the banks without a valid return are the ones the raw submissions say", async () => {
    const filed = await sql<{ name: string }>(
      `SELECT o.name FROM "QuarterlySubmission" s JOIN "Organization" o ON o.id = s."bankOrgId"
        WHERE s."programId" = $1::uuid AND s.year = 2026 AND s.quarter = 3 AND s.status IN ('SUBMITTED', 'ACCEPTED')`,
      programId,
    );
    const missing = q3.entries.filter((e) => e.missingReturn).map((e) => e.bankName);
    expect(missing.sort()).toEqual([...NOT_FILED].sort());
    expect(missing.some((name) => filed.some((f) => f.name === name))).toBe(false);
  });

  it("says 未报送 on the bank's rows and lists it apart, not for 限期整改", async () => {
    const text = await bulletinText(q3);
    const [ranking, rest] = text.split("二、末位名单");
    const [bottom, missingSection] = rest!.split("三、未报送季度台账的银行机构");
    for (const name of ["华夏银行云溪分行", "中国光大银行云溪分行"]) {
      const rankingLine = ranking!.split("\n").find((l) => l.includes(name));
      expect(rankingLine).toMatch(/未报送/);
      expect(rankingLine).not.toMatch(/\d+\.\d\d/); // no total score
      expect(bottom).not.toContain(name);
      expect(missingSection!.replace(/\s+/g, "")).toContain(name);
    }
    expect(bottom).toContain("限期整改");
    // The bottom list is the last five of the banks that filed.
    const bottomNames = q3.entries.filter((e) => e.bottomList).map((e) => e.bankName);
    expect(bottomNames).toHaveLength(5);
    for (const name of bottomNames) expect(bottom!.replace(/\s+/g, "")).toContain(name);
  });

  it("the workbook says 未报送 where the loan figures would be, never 无数据", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildRankingWorkbook(q3, t, ti)) as unknown as ArrayBuffer);
    const points = workbook.worksheets[1]!;
    // Row.values starts at index 1 (column A), with a hole at 0.
    const header = Array.from(points.getRow(1).values as unknown[], (v) => String(v ?? ""));
    const col = header.findIndex((h) => h.startsWith("贷款增量（值）"));
    expect(col).toBeGreaterThan(0);
    const cells: Record<string, unknown[]> = {};
    points.eachRow((row, n) => {
      if (n > 1) cells[String(row.getCell(2).value)] = [row.getCell(1).value, row.getCell(col).value, row.getCell(col + 1).value];
    });
    // Rank, the loan increment's value and its points.
    expect(cells["华夏银行云溪分行"]).toEqual(["—", "未报送", null]);
    expect(cells["中国光大银行云溪分行"]).toEqual(["—", "未报送", null]);
    expect(cells["中国农业银行云溪分行"]![1]).toMatch(/万元/);
  });
});

describe("融资满足率", () => {
  it("is the share of answered financing needs granted, and earns points wherever it is not zero", async () => {
    const rules = q3.snapshot.rules.find((r) => r.indicator === "financingSatisfactionRate")!.rule;
    expect(rules).toEqual({ kind: "proportional", points: 15, best: 80 });
    let nonZero = 0;
    for (const e of q3.entries) {
      const tree = await ids(
        `WITH RECURSIVE t(id) AS (SELECT $1::uuid UNION ALL SELECT o.id FROM "Organization" o JOIN t ON o."parentId" = t.id)
         SELECT id::text FROM t`,
        e.bankOrgId,
      );
      const raw = await expectedQuarterRates(prisma, { programId, window: Q3, cutoff: NOW, bankIds: tree });
      const row = e.breakdown.find((b) => b.indicator === "financingSatisfactionRate")!;
      if (e.bankName === "中国农业银行云溪分行") expect([raw.financingGranted, raw.financingAnswered]).toEqual([6, 15]);
      expect([e.bankName, row.value]).toEqual([e.bankName, raw.financingSatisfactionRate]);
      if (row.value !== null && row.value > 0) {
        nonZero++;
        expect([e.bankName, row.points]).toEqual([e.bankName, Math.round(((15 * Math.min(row.value, 80)) / 80) * 100) / 100]);
        expect(row.points).toBeGreaterThan(0);
      }
    }
    expect(nonZero).toBeGreaterThan(5);
    // Hand-worked, 中国农业银行云溪分行 in Q3: 6 of its 15 answered financing needs were
    // granted → 40.00%, and 15 points × 40 / 80 = 7.50 points.
    const abc = q3.entries
      .find((e) => e.bankName === "中国农业银行云溪分行")!
      .breakdown.find((b) => b.indicator === "financingSatisfactionRate")!;
    expect([abc.value, abc.points]).toEqual([40, 7.5]);
  });
});
