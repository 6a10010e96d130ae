import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";

test("the finance admin creates a program through the form, sees it in the list, and changes a rule into version 2", async ({ page }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const name = `端到端测试帮扶方案 ${suffix}`;

  await signInAs(page, "finance.admin");
  await page.goto("/programs");
  await expect(page.getByRole("heading", { level: 1, name: "帮扶方案" })).toBeVisible();
  // the demo program is listed with its current rule version
  await expect(page.getByRole("rowheader", { name: /两进两促/ }).first()).toBeVisible();

  await page.getByRole("link", { name: "新建方案" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "新建帮扶方案" })).toBeVisible();
  await page.getByLabel("方案名称").fill(name);
  await page.getByLabel("文号").fill("云金发[2030]7号");
  await page.getByLabel("层级").selectOption("COUNTY");
  await page.getByLabel("年度").fill("2030");
  await page.getByLabel("牵头单位").fill("县金融办\n人民银行县支行");
  await page.getByLabel("准备阶段开始日期").fill("2030-02-01");
  await page.getByLabel("准备阶段结束日期").fill("2030-03-31");
  await page.getByLabel("实施阶段开始日期").fill("2030-03-15"); // overlaps the preparation phase
  await page.getByLabel("实施阶段结束日期").fill("2030-11-30");
  await page.getByLabel("考核阶段开始日期").fill("2030-12-01");
  await page.getByLabel("考核阶段结束日期").fill("2031-01-31");
  await expect(page.getByLabel("答复时限（工作日）")).toHaveValue("5");
  await page.getByLabel("答复时限（工作日）").fill("7");
  await page.getByRole("button", { name: "创建方案" }).click();

  // Refused, with the reason next to each field, and what was typed kept.
  await expect(page.getByLabel("答复时限（工作日）")).toHaveAccessibleDescription(/答复时限须为 3–5 个工作日/);
  await expect(page.getByLabel("实施阶段开始日期")).toHaveAccessibleDescription(/须晚于上一阶段的结束日期/);
  await expect(page.getByLabel("方案名称")).toHaveValue(name);

  await page.getByLabel("实施阶段开始日期").fill("2030-04-01");
  await page.getByLabel("答复时限（工作日）").fill("5");
  await page.getByRole("button", { name: "创建方案" }).click();
  await expect(page.getByRole("status")).toContainText(name);

  await page.getByRole("link", { name: "返回方案列表" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
  await expect(row).toContainText("云金发〔2030〕7号");
  await expect(row).toContainText("县级");
  await expect(row).toContainText("第 1 版");
  await expect(row).toContainText("2030-04-01 至 2030-11-30");

  // ── change a rule: a new version, the old one kept ──
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("已开始办理的事项继续适用其开始时的规则版本").first()).toBeVisible();
  await expect(page.getByTestId("rule-version-1")).toBeVisible();
  await page.getByLabel("答复时限（工作日）").fill("3");
  await page.getByRole("button", { name: "生成新版本" }).click();
  await expect(page.getByRole("status")).toHaveText("已生成第 2 版规则。");
  await expect(page.getByRole("heading", { name: "现行规则（第 2 版）" })).toBeVisible();
  const v2 = page.getByTestId("rule-version-2");
  await expect(v2).toContainText("3 个工作日");
  await expect(v2).toContainText("较上一版有变更");
  await expect(page.getByTestId("rule-version-1")).toContainText("5 个工作日");

  await page.goto("/programs");
  await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) })).toContainText("第 2 版");
});
