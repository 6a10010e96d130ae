import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { queryDemo } from "./support/demo-data";

// The public portal: a signed-out visitor on a phone (390 × 844) opens
// "/", sees the program and the year's headline numbers, and follows 政策文件 and
// 园区服务名录 — with no horizontal scrolling and no serious accessibility problem.

test.use({ viewport: { width: 390, height: 844 } });

async function expectFitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

async function expectNoSeriousAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(blocking).toEqual([]);
}

test("a signed-out visitor sees the program and this year's numbers, then follows 政策文件 and 园区服务名录 on a phone", async ({
  page,
  context,
}) => {
  const [program] = await queryDemo<{ name: string; docNumber: string; leadUnits: string[] }>(
    `SELECT name, "docNumber", "leadUnits" FROM "Program"
      WHERE active AND year = extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int
      ORDER BY "createdAt" DESC, id DESC LIMIT 1`,
  );
  expect(program, "the demo data has a program for this year").toBeDefined();
  // Items only accumulate while the suite runs, so the (cached) number shown is at most today's count.
  const [counted] = await queryDemo<{ submitted: string }>(
    `SELECT count(*) AS submitted FROM "Request"
      WHERE "submittedAt" >= date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'`,
  );
  await context.clearCookies();

  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The program: name, 文号, lead units.
  const programCard = page.getByRole("article", { name: program!.name });
  await expect(programCard).toBeVisible();
  await expect(programCard.getByText(program!.docNumber, { exact: true })).toBeVisible();
  for (const unit of program!.leadUnits) await expect(programCard.getByText(unit, { exact: true })).toBeVisible();

  // The headline numbers, each with its definition.
  const year = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date());
  const stats = page.getByRole("region", { name: `${year} 年度服务数据` });
  await expect(stats).toBeVisible();
  const handled = stats.locator('[data-stat="handled"] dd').first();
  const shown = Number((await handled.innerText()).replace(/[^\d]/g, ""));
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(Number(counted!.submitted));
  await expect(stats.locator('[data-stat="onTime"] dd').first()).toHaveText(/^\d{1,3}\.\d\s*%$/);
  await expect(stats.locator('[data-stat="satisfaction"] dd').first()).toHaveText(/^\d{1,3}\.\d\s*%$/);
  await expect(stats.locator('[data-stat="loans"] dd').first()).toHaveText(/[\d,]+\.\d\d\s*(万元|亿元)\s*\d+ 笔/);
  await expect(stats.getByText(/银行首次答复在期限内的比例/)).toBeVisible();
  await expect(page.getByRole("region", { name: "如何申请" }).getByRole("listitem")).toHaveCount(6);
  await expectFitsPhone(page);
  await expectNoSeriousAxeViolations(page);

  // 政策文件: the list, then one document's key rules.
  const nav = page.getByRole("navigation", { name: "门户导航" });
  await nav.getByRole("link", { name: "政策文件" }).click();
  await expect(page).toHaveURL(/\/documents$/);
  await expect(page.getByRole("heading", { level: 1, name: "政策文件" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "门户导航" }).getByRole("link", { name: "政策文件" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("article", { name: program!.name })).toBeVisible();
  await expect(page.getByText("濮政办〔20xx〕33号（转发通知）")).toBeVisible();
  await expectFitsPhone(page);
  await page.getByRole("link", { name: /益阳市金融纾困民营和小微企业“两进两促”行动工作方案/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /“两进两促”行动工作方案/ })).toBeVisible();
  const rules = page.getByRole("region", { name: "主要规定" });
  await expect(rules.getByText(/3–5 个工作日内限时答复/)).toBeVisible();
  await expect(rules.getByText(/每季后 7 个工作日内报送解决台账/)).toBeVisible();
  await expect(rules.getByText(/排名后五位/)).toBeVisible();
  await expectFitsPhone(page);
  await expectNoSeriousAxeViolations(page);
  expect((await page.goto("/documents/no-such-document"))?.status()).toBe(404);

  // 园区服务名录.
  await page.goto("/");
  await page.getByRole("navigation", { name: "门户导航" }).getByRole("link", { name: "园区服务名录" }).click();
  await expect(page).toHaveURL(/\/directory$/);
  await expect(page.getByRole("heading", { level: 1, name: "园区金融服务名录" })).toBeVisible();
  await expect(page.getByRole("article").first()).toBeVisible();
  await expectFitsPhone(page);
});
