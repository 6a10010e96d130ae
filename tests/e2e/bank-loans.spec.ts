import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";

// The bank's loan register: the demo bank liaison records a loan made outside a request
// for the demo enterprise through the real form (found by name), sees it in its list, and
// the enterprise sees it on its own page.

const DEMO_ENTERPRISE = "云溪华锐智能装备有限公司";

test("the bank liaison records a loan outside a request; the list and the enterprise show it", async ({ browser }) => {
  test.setTimeout(120_000);
  const product = `结对贷款${String(Date.now()).slice(-6)}`;
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  const bank = await browser.newPage();
  await signInAs(bank, "bank.liaison");
  await bank.goto("/bank/loans");
  await bank.getByRole("link", { name: "登记贷款" }).click();
  await bank.getByLabel("查找企业").fill(DEMO_ENTERPRISE);
  await bank.getByRole("button", { name: "查找" }).click();
  await expect(bank.getByRole("radio", { name: new RegExp(DEMO_ENTERPRISE) })).toBeChecked();
  // A refused first try keeps what was typed and says why, in Chinese.
  await bank.getByLabel("金额（万元）").fill("260");
  await bank.getByLabel("年利率（%）").fill("30");
  await bank.getByLabel("期限（月）").fill("12");
  await bank.getByLabel("贷款产品").fill(product);
  await bank.getByLabel("放款日").fill(today);
  await bank.getByRole("button", { name: "登记", exact: true }).click();
  await expect(bank.getByText("年利率须为大于 0、不超过 24 的数字，最多四位小数。")).toBeVisible();
  await bank.getByLabel("年利率（%）").fill("3.55");
  await bank.getByRole("radio", { name: "信用", exact: true }).check();
  await bank.getByRole("button", { name: "登记", exact: true }).click();
  await expect(bank.getByTestId("loan-recorded")).toContainText("已登记");

  await bank.goto("/bank/loans");
  const row = bank.getByTestId("loan-row").filter({ hasText: product });
  await expect(row).toContainText(DEMO_ENTERPRISE);
  await expect(row).toContainText("260.00");
  await expect(row).toContainText("行外登记");
  await bank.close();

  const enterprise = await browser.newPage();
  await signInAs(enterprise, "enterprise.owner");
  await enterprise.goto("/enterprise");
  await expect(enterprise.getByTestId("my-loans")).toContainText(product);
  await enterprise.close();
});
