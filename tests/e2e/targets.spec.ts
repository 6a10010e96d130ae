import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";

// Target against actual on the demo data (seeded targets, the previous quarter's accepted
// returns), and the finance office's target form: a change is a new version.

const year = () => new Date().getFullYear();

test("the bank liaison's dashboard shows its bank's credit target against the accepted returns", async ({ page }) => {
  await signInAs(page, "bank.liaison");
  await page.goto("/bank");
  const section = page.getByRole("region", { name: `${year()} 年度信贷目标完成情况` });
  await expect(section).toBeVisible();
  const table = section.getByTestId("target-progress-bank");
  await expect(table).toHaveCount(1);
  for (const measure of ["新增贷款（万元）", "贷款户数", "首贷户数", "信用贷款户数"]) {
    const row = table.getByRole("row", { name: new RegExp(`^${measure}`) });
    await expect(row).toHaveCount(1);
    // target and actual are figures, attainment a percent
    await expect(row.getByRole("cell").nth(0)).toHaveText(/^[\d,.]+$/);
    await expect(row.getByRole("cell").nth(2)).toContainText(/\d+\.\d{2}%/);
  }
  await expect(table).toContainText(/截至 \d{4} 年第 \d 季度/);
});

test("the park window, the finance office and the central bank see their banks' targets on their dashboards", async ({ browser }) => {
  const park = await browser.newPage();
  await signInAs(park, "park.window");
  await park.goto("/park");
  const parkSection = park.getByRole("region", { name: `${year()} 年度信贷目标完成情况` });
  await expect(parkSection.getByTestId("target-progress-park").getByRole("row").nth(1)).toBeVisible();
  await park.close();

  const finance = await browser.newPage();
  await signInAs(finance, "finance.admin");
  await finance.goto("/finance");
  const financeSection = finance.getByRole("region", { name: `${year()} 年度信贷目标完成情况` });
  const rows = financeSection.getByTestId("target-progress-finance").getByRole("row");
  expect(await rows.count()).toBeGreaterThan(5);
  // The bank that never files has no target: its row says so.
  await expect(financeSection.getByText("未设定").first()).toBeVisible();
  await finance.close();

  // The central bank branch reads the same block (same query, same "all banks" scope).
  const pbc = await browser.newPage();
  await signInAs(pbc, "pbc.staff");
  await pbc.goto("/pbc");
  const pbcSection = pbc.getByRole("region", { name: `${year()} 年度信贷目标完成情况` });
  expect(await pbcSection.getByTestId("target-progress-pbc").getByRole("row").count()).toBeGreaterThan(5);
  await pbc.close();
});

test("the finance admin changes a bank's target: refused when it does not add up, then saved as a new version", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "finance.admin");
  await page.goto("/targets");
  await expect(page.getByRole("heading", { level: 1, name: "年度信贷目标" })).toBeVisible();
  await page
    .getByRole("link", { name: /^调整目标/ })
    .first()
    .click();
  await expect(page.getByLabel("全年新增贷款目标（万元）")).not.toHaveValue("");
  const history = page.getByRole("table", { name: /信贷目标各版本/ });
  const versionsBefore = (await history.getByRole("row").count()) - 1;

  await page.getByLabel("贷款户数目标", { exact: true }).fill("10");
  await page.getByLabel("首贷户数目标", { exact: true }).fill("11");
  await page.getByRole("button", { name: "保存为新版本" }).click();
  await expect(page.getByLabel("首贷户数目标", { exact: true })).toHaveAccessibleDescription(/不能超过贷款户数目标/);

  await page.getByLabel("首贷户数目标", { exact: true }).fill("3");
  await page.getByLabel("调整说明").fill("端到端测试调整");
  await page.getByRole("button", { name: "保存为新版本" }).click();
  await expect(page.getByRole("status")).toContainText(`已保存为第 ${versionsBefore + 1} 版`);
  await expect(history.getByRole("row")).toHaveCount(versionsBefore + 2);
  await expect(history).toContainText("端到端测试调整");
});
