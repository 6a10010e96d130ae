import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEFAULT_SEED } from "@/lib/seed/generate";
import { demoTotpSecret } from "@/lib/seed/credentials";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// Summons and rectification through the browser, after a published bulletin (the demo
// seed publishes the quarter before the last one: prisma/seed/seed-demo-summons.ts). The
// finance office opens a summons from the bulletin's page, pre-filled with the bank's
// overdue and escalated items; the bank's manager files its rectification plan; the
// finance office accepts it; the bank sees it accepted and the history on its dashboard.

async function as(browser: Browser, account: string, totpSecret?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account, totpSecret ? { totpSecret } : {});
  return page;
}

test("published bulletin → summons → rectification plan → accepted", async ({ browser }) => {
  test.setTimeout(240_000);
  const [ranking] = await queryDemo<{ id: string }>(
    `SELECT id::text AS id FROM "Ranking" WHERE status = 'PUBLISHED' ORDER BY year DESC, quarter DESC LIMIT 1`,
  );
  expect(ranking, "the demo data has a published bulletin").toBeTruthy();
  // A ranked bank with a manager, preferably one not summoned yet.
  const [bank] = await queryDemo<{ bankOrgId: string; name: string; account: string }>(
    `SELECT e."bankOrgId"::text AS "bankOrgId", o.name, u.account
       FROM "RankingEntry" e JOIN "Organization" o ON o.id = e."bankOrgId"
       JOIN "User" u ON u."orgId" = e."bankOrgId" AND u.role = 'BANK_MANAGER'
      WHERE e."rankingId" = $1
      ORDER BY EXISTS (SELECT 1 FROM "Summons" s WHERE s."bankOrgId" = e."bankOrgId"), e.rank DESC, u.account
      LIMIT 1`,
    [ranking!.id],
  );
  expect(bank, "a ranked bank with a manager").toBeTruthy();

  // ── the finance office opens the summons from the bulletin's page ──
  const finance = await as(browser, "finance.admin");
  await finance.goto(`/rankings/${ranking!.id}`);
  await finance.getByTestId("ranking-summons").getByRole("link", { name: "发起约谈" }).click();
  await finance.waitForURL(/\/summons\/new\?/);
  await expect(finance.getByTestId("prefill-bottom-list")).toBeVisible();
  await finance.getByTestId(`choose-bank-${bank!.bankOrgId}`).getByRole("link", { name: bank!.name }).click();
  await expect(finance.getByTestId("prefill-items")).toBeVisible();
  // Pre-filled: the issues name the bank and its overdue/escalated counts from the bulletin.
  const escaped = bank!.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(finance.getByRole("textbox", { name: "存在问题" })).toHaveValue(new RegExp(`^${escaped}在`));
  await expect(finance.getByTestId("prefill-totals")).toContainText("逾期件");
  await finance.getByRole("textbox", { name: "参加人员" }).fill("市金融办、人民银行市中心支行、被约谈行行长");
  await finance.getByLabel("措施 1", { exact: true }).fill("逐件答复逾期事项，建立限时答复台账");
  await finance.getByLabel("措施 1 完成期限").fill("2027-01-29");
  await finance.getByRole("button", { name: "保存约谈记录" }).click();
  await finance.waitForURL(/\/summons\/[0-9a-f-]{36}$/);
  const summonsPath = new URL(finance.url()).pathname;
  await expect(finance.getByTestId("summons-status").first()).toHaveText("待报整改方案");
  const [stored] = await queryDemo<{ status: string; bankOrgId: string; rankingId: string }>(
    `SELECT status::text, "bankOrgId"::text AS "bankOrgId", "rankingId"::text AS "rankingId" FROM "Summons" WHERE id = $1`,
    [summonsPath.split("/").pop()],
  );
  expect(stored).toEqual({ status: "AWAITING_PLAN", bankOrgId: bank!.bankOrgId, rankingId: ranking!.id });

  // ── the bank files its rectification plan ──
  const totpSecret = demoTotpSecret(DEFAULT_SEED, `e2e:${bank!.account}`);
  await queryDemo(`UPDATE "User" SET "totpSecret" = $1, "totpEnabledAt" = now(), "totpLastStep" = NULL WHERE account = $2`, [
    totpSecret,
    bank!.account,
  ]);
  const banker = await as(browser, bank!.account, totpSecret);
  await banker.goto("/summons");
  await expect(banker.locator(`main a[href="${summonsPath}"]`)).toBeVisible();
  await banker.goto(summonsPath);
  await banker.getByRole("textbox", { name: "整改方案" }).fill("一、逐件答复逾期事项；二、建立限时答复台账，分管行长每周督办。");
  await banker.getByRole("button", { name: "报送整改方案" }).click();
  // The page refreshes into the new state: the plan shows, the form gives way to the status.
  await expect(banker.getByTestId("summons-status").first()).toHaveText("方案待审核");
  await expect(banker.getByTestId("summons-plan")).toContainText("分管行长每周督办");
  await expect(banker.getByRole("button", { name: "报送整改方案" })).toHaveCount(0);

  // ── the finance office accepts it ──
  await finance.reload();
  await finance.getByRole("button", { name: "通过整改方案" }).click();
  await expect(finance.getByTestId("summons-status").first()).toHaveText("整改中");
  await expect(finance.getByTestId("review-plan")).toHaveCount(0);

  // ── the bank sees it accepted, can file its completion report, and has the history ──
  await banker.reload();
  await expect(banker.getByTestId("summons-status").first()).toHaveText("整改中");
  await expect(banker.getByRole("button", { name: "报送完成报告" })).toBeVisible();
  await banker.goto("/bank");
  await expect(banker.getByTestId("bank-summons-history").locator(`a[href="${summonsPath}"]`)).toBeVisible();

  const audit = await queryDemo<{ action: string }>(
    `SELECT action FROM "AuditLog" WHERE "targetType" = 'Summons' AND "targetId" = $1 ORDER BY "occurredAt", id`,
    [summonsPath.split("/").pop()],
  );
  expect(audit.map((a) => a.action)).toEqual(["summons.open", "summons.filePlan", "summons.acceptPlan"]);
});
