import { expect, test, type Browser, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { signInAs } from "./support/auth";
import { databaseUrlOfDemo, queryDemo } from "./support/demo-data";

// 1+1 monthly reports through the portal: the bank liaison files this month's report for
// one of its pairings (plan, progress, credit, a visit), the central bank branch (the
// reviewing office by default) returns it with a reason, the bank refiles it, the office
// accepts it; both revisions and both decisions stay on the report's page. Then the
// deadline scan's 1+1 step — the function the scan job runs for it, in a process of its own
// as the job worker would (the whole scan would also escalate demo items other specs use) —
// flags a month that a new pairing never filed, once however often it runs, and the bank
// finds it under 逾期未报.

/** Runs the deadline scan's 1+1 step on the e2e database; returns how many reports it flagged. */
function runSupportScanStep(): number {
  const code = `
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/generated/prisma/client");
    const { flagLateSupportReports } = await import("@/lib/support/mutations/flag-late-support-reports");
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.SCAN_DATABASE_URL }) });
    const result = await db.$transaction((tx) => flagLateSupportReports(tx, new Date()));
    await db.$disconnect();
    console.log(JSON.stringify(result));`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    env: { ...process.env, SCAN_DATABASE_URL: databaseUrlOfDemo() },
    encoding: "utf8",
  });
  return (JSON.parse(out.trim().split("\n").pop()!) as { flagged: number }).flagged;
}

async function as(browser: Browser, account: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account);
  return page;
}

test("a monthly report is filed, returned, refiled and accepted; a missing one is flagged late by the scan, once", async ({ browser }) => {
  test.setTimeout(300_000);
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  // A running pairing of the liaison's bank with this month still open.
  const [pairing] = await queryDemo<{ id: string; enterprise: string }>(
    `SELECT p.id::text, e.name AS enterprise
       FROM "EnterpriseBankPairing" p
       JOIN "Enterprise" e ON e.id = p."enterpriseId"
       JOIN "User" u ON u."orgId" = p."bankOrgId" AND u.account = 'bank.liaison'
      WHERE p."endedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "SupportReport" s WHERE s."pairingId" = p.id AND s.month = $1::date)
      ORDER BY p.year DESC, p.id LIMIT 1`,
    [`${month}-01`],
  );
  expect(pairing, "the liaison's bank has a pairing with this month open").toBeDefined();

  // ── the bank files ──
  const bank = await as(browser, "bank.liaison");
  await bank.goto(`/support/${pairing!.id}`);
  await expect(bank.getByRole("heading", { level: 1, name: pairing!.enterprise })).toBeVisible();
  const form = bank.locator("form").filter({ has: bank.getByRole("button", { name: "报送月报" }) });
  // With one month left to file the form fixes it; with several, the month is picked.
  const monthField = form.getByLabel("报送月份");
  if ((await monthField.count()) > 0) await monthField.selectOption(month);
  await form.getByLabel("帮扶计划").fill("辅导企业规范现金流量表");
  await form.getByLabel("帮扶进度").fill("客户经理上门一次，梳理了应收账款。");
  await form.getByLabel("当月授信（万元）").fill("80");
  await form.getByLabel("日期").first().fill(`${month}-02`);
  await form.getByLabel("主题").first().fill("应收账款管理");
  await form.getByLabel("参加人员").first().fill("财务负责人、客户经理");
  await form.getByRole("button", { name: "报送月报" }).click();
  // The page shows the month filed, waiting for review (the form leaves with the last open month).
  await expect(bank.getByTestId("pairing-reports").getByRole("row").filter({ hasText: month })).toContainText("待审核");
  const [report] = await queryDemo<{ id: string }>(
    `SELECT id::text FROM "SupportReport" WHERE "pairingId" = $1::uuid AND month = $2::date`,
    [pairing!.id, `${month}-01`],
  );
  const url = `/support/reports/${report!.id}`;

  // ── the central bank branch returns it ──
  const pbc = await as(browser, "pbc.staff");
  await pbc.goto(url);
  await expect(pbc.getByTestId("report-status")).toHaveText("待审核");
  await pbc.getByLabel("退回原因").fill("走访记录缺少企业方参加人员签字");
  await pbc.getByRole("button", { name: "退回", exact: true }).click();
  await expect(pbc.getByTestId("report-status")).toHaveText("已退回");
  await expect(pbc.getByRole("button", { name: "审核通过" })).toHaveCount(0);

  // ── the bank refiles (the form starts from what it filed) ──
  await bank.goto(url);
  await expect(bank.getByText("走访记录缺少企业方参加人员签字").first()).toBeVisible();
  await expect(bank.getByLabel("帮扶计划")).toHaveValue("辅导企业规范现金流量表");
  await bank.getByLabel("参加人员").first().fill("财务负责人（已签字）、客户经理");
  await bank.getByRole("button", { name: "报送月报" }).click();
  await expect(bank.getByTestId("report-status")).toHaveText("待审核");
  await expect(bank.getByTestId("revision-2")).toBeVisible();

  // ── the office accepts ──
  await pbc.reload();
  await expect(pbc.getByTestId("report-status")).toHaveText("待审核");
  await pbc.getByRole("button", { name: "审核通过" }).click();
  await expect(pbc.getByTestId("report-status")).toHaveText("已通过");
  await pbc.reload();
  await expect(pbc.getByTestId("report-status")).toHaveText("已通过");
  await expect(pbc.getByTestId("revision-1")).toContainText("财务负责人、客户经理");
  await expect(pbc.getByTestId("revision-2")).toContainText("财务负责人（已签字）、客户经理");
  await expect(pbc.getByTestId("report-reviews").getByRole("row")).toHaveCount(3); // header + two decisions
  const history = await queryDemo<{ revisions: number; reviews: number }>(
    `SELECT (SELECT count(*)::int FROM "SupportReportRevision" WHERE "reportId" = $1::uuid) AS revisions,
            (SELECT count(*)::int FROM "SupportReportReview" WHERE "reportId" = $1::uuid) AS reviews`,
    [report!.id],
  );
  expect(history[0]).toEqual({ revisions: 2, reviews: 2 });

  // ── a month nobody filed: a pairing made at the start of last month ──
  const lastMonth = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1)).toISOString().slice(0, 10);
  const [late] = await queryDemo<{ id: string; enterprise: string }>(
    `INSERT INTO "EnterpriseBankPairing" (id, "programId", year, "bankOrgId", "enterpriseId", "accountManagerName", "createdAt")
     SELECT gen_random_uuid(), p."programId", p.year, p."bankOrgId", e.id, '张晓', $2::date
       FROM "EnterpriseBankPairing" p, "Enterprise" e
      WHERE p.id = $1::uuid AND e."registrationStatus" = 'APPROVED'
        AND NOT EXISTS (SELECT 1 FROM "EnterpriseBankPairing" q WHERE q."enterpriseId" = e.id AND q."bankOrgId" = p."bankOrgId")
      ORDER BY e.name LIMIT 1
     RETURNING id::text, (SELECT name FROM "Enterprise" WHERE id = "enterpriseId") AS enterprise`,
    [pairing!.id, lastMonth],
  );
  expect(runSupportScanStep()).toBeGreaterThanOrEqual(1);
  expect(runSupportScanStep()).toBe(0);
  const flagged = await queryDemo<{ status: string; notices: number }>(
    `SELECT s.status::text,
            (SELECT count(*)::int FROM "Notification" n JOIN "User" u ON u.id = n."userId"
              WHERE n.kind = 'support.reportLate' AND n.link = '/support/reports/' || s.id::text AND u.account = 'bank.liaison') AS notices
       FROM "SupportReport" s WHERE s."pairingId" = $1::uuid AND s.month = $2::date`,
    [late!.id, lastMonth],
  );
  expect(flagged).toEqual([{ status: "OVERDUE", notices: 1 }]);
  await bank.goto("/support/reports?status=OVERDUE");
  const row = bank.getByTestId("support-reports").getByRole("row").filter({ hasText: late!.enterprise });
  await expect(row.first()).toContainText("逾期未报");
});
