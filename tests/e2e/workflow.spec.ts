import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// The program set-up path end to end: the finance office sets up a program, pairs a park with a
// bank under it, and the public directory (no sign-in) shows that bank's liaison.
test("the finance office creates a program, pairs a park with a bank, and the public directory shows the bank's liaison", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const suffix = Date.now().toString(36);
  const name = `结对测试方案 ${suffix}`;
  // A park and a city-level bank not yet paired, the bank with a contact in force.
  const [target] = await queryDemo<{ parkId: string; park: string; bank: string; liaison: string }>(
    `SELECT p.id AS "parkId", COALESCE(po."shortName", po.name) AS park, b.name AS bank, c."liaisonName" AS liaison
       FROM "Park" p JOIN "Organization" po ON po.id = p."orgId", "Organization" b
       JOIN LATERAL (SELECT "liaisonName" FROM "BankContact" bc WHERE bc."bankOrgId" = b.id AND bc."effectiveOn" <= now()
                     ORDER BY bc."effectiveOn" DESC LIMIT 1) c ON true
      WHERE b.kind = 'BANK' AND b."parentId" IS NULL AND b.active
        AND NOT EXISTS (SELECT 1 FROM "ParkBankPairing" x WHERE x."parkId" = p.id AND x."bankOrgId" = b.id AND x."endedAt" IS NULL)
      ORDER BY p.code DESC, b.name LIMIT 1`,
  );
  expect(target, "demo data has an unpaired park and bank with a contact").toBeTruthy();

  await signInAs(page, "finance.admin");

  // ── 1. a program for this year whose implementation phase has not started yet ──
  await page.goto("/programs/new");
  await page.getByLabel("方案名称").fill(name);
  await page.getByLabel("文号").fill("云金发〔2026〕9号");
  await page.getByLabel("层级").selectOption("CITY");
  await page.getByLabel("年度").fill("2026");
  await page.getByLabel("牵头单位").fill("云溪市地方金融管理局");
  await page.getByLabel("准备阶段开始日期").fill("2026-11-01");
  await page.getByLabel("准备阶段结束日期").fill("2026-12-14");
  await page.getByLabel("实施阶段开始日期").fill("2026-12-15");
  await page.getByLabel("实施阶段结束日期").fill("2027-05-31");
  await page.getByLabel("考核阶段开始日期").fill("2027-06-01");
  await page.getByLabel("考核阶段结束日期").fill("2027-06-30");
  await page.getByRole("button", { name: "创建方案" }).click();
  await expect(page.getByRole("status")).toContainText(name);

  // ── 2. pair the park with the bank under it (not locked: no reason needed) ──
  await page.goto("/pairings");
  await expect(page.getByText(name).first()).toBeVisible();
  await expect(page.getByTestId("pairings-locked")).toHaveCount(0);
  const form = page.getByTestId("form-setMain");
  await form.getByLabel("园区").selectOption({ label: target!.park });
  await form.getByLabel("银行机构").selectOption({ label: target!.bank });
  await form.getByRole("button", { name: "设为主联系银行" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存。");

  // ── 3. the public directory, signed out, shows the bank's liaison for that park ──
  // Saving the pairing drops the directory's cache, but a visitor's load that began before the
  // save can store the old directory again for up to its one-minute lifetime (other tests crawl
  // the directory at the same time), so the visitor reloads within that minute.
  const visitor = await browser.newPage();
  const park = visitor.getByRole("article", { name: target!.park });
  const main = park.getByRole("listitem").filter({ hasText: target!.bank });
  await expect(async () => {
    await visitor.goto("/directory");
    await expect(main).toContainText("主联系银行", { timeout: 1_000 });
    await expect(main.getByText(target!.liaison, { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 75_000, intervals: [1_000, 5_000] });
  await visitor.close();
});
