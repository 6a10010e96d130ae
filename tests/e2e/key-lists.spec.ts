import ExcelJS from "exceljs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { DEMO_ENTERPRISE_NAME } from "@/lib/seed/demo";
import { signInAs } from "./support/auth";

// A key-enterprise list through the real UI: the finance office creates it from a tag and
// hands it to the banks; the demo enterprise goes to its 1+1 branch, the demo bank
// liaison's, who records a contact and its outcome; the list's coverage on the bank
// dashboard goes up by one.

async function as(browser: Browser, account: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account);
  return page;
}

const figure = async (page: Page, name: string) =>
  (await page.getByTestId("key-list-coverage-row").filter({ hasText: name }).getByTestId("key-list-coverage-figure").innerText()).trim();

test("the finance office creates a list from a tag and assigns it; the bank records a contact; the coverage changes", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const name = `e2e 科技型中小企业 ${Date.now().toString(36)}`;

  // ── the finance office creates the list from a tag and hands it over ──
  const office = await as(browser, "finance.admin");
  await office.goto("/key-lists/new");
  await office.getByLabel("名单名称").fill(name);
  await office.getByLabel("生成方式").selectOption("tag");
  await office.getByLabel("企业标签").fill("科技型中小企业");
  await office.getByRole("button", { name: "建立名单" }).click();
  await expect(office.getByTestId("key-list-created")).toBeVisible();
  await office.getByRole("link", { name: "打开名单" }).click();
  await office.waitForURL(/\/key-lists\/[0-9a-f-]{36}$/);
  await expect(office.getByTestId("key-list-status")).toHaveText("编制中");
  await office.getByTestId("key-list-assign").getByRole("button", { name: "分派给银行" }).click();
  await expect(office.getByTestId("key-list-status")).toHaveText("已分派");
  await expect(office.getByTestId("key-list-coverage")).toContainText("0 / ");

  // ── the bank liaison sees it on the dashboard, uncontacted ──
  const bank = await as(browser, "bank.liaison");
  await bank.goto("/bank");
  const before = await figure(bank, name);
  expect(before).toMatch(/^0 \/ [1-9]\d*/);
  const total = before.split(" / ")[1]!.split("（")[0]!;

  // ── records a contact with the demo enterprise ──
  await bank.getByTestId("key-list-coverage").getByRole("link", { name }).click();
  await bank.getByRole("link", { name: DEMO_ENTERPRISE_NAME }).click();
  await bank.waitForURL(/\/key-lists\/members\/[0-9a-f-]{36}$/);
  await expect(bank.getByTestId("key-member-outcome")).toHaveText("未对接");
  const form = bank.getByTestId("key-contact-form");
  await form.getByLabel("对接日期").fill(shanghaiDateString(new Date()));
  await form.getByLabel("对接方式").selectOption("VISIT");
  await form.getByLabel("结果").selectOption("HAS_NEED");
  await form.getByLabel("发现的融资需求").fill("新增设备采购，需中长期贷款");
  await form.getByLabel("需求金额（万元）").fill("300");
  await form.getByRole("button", { name: "保存对接记录" }).click();
  await expect(bank.getByTestId("key-contact-recorded")).toBeVisible();
  await bank.reload();
  await expect(bank.getByTestId("key-member-outcome")).toHaveText("有需求");
  await expect(bank.getByTestId("key-member-contacts")).toContainText("300.00 万元");

  // ── the coverage figure changed, for the bank and for the finance office ──
  await bank.goto("/bank");
  expect(await figure(bank, name)).toMatch(new RegExp(`^1 / ${total}（`));
  await office.goto("/finance");
  expect(await figure(office, name)).toMatch(/^1 \/ /);

  // ── the list exports to Excel with its contact state ──
  await office.getByTestId("key-list-coverage").getByRole("link", { name }).click();
  const [download] = await Promise.all([office.waitForEvent("download"), office.getByRole("link", { name: "导出 Excel" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  // Array.from: the sheet's rows are a sparse array (row 0 is a hole).
  const rows = Array.from(workbook.worksheets[0]!.getSheetValues(), (r) => (Array.isArray(r) ? r.map(String).join("|") : ""));
  const listTotal = (await office.getByTestId("key-list-coverage").innerText()).split(" / ")[1]!.split("（")[0]!;
  expect(rows.filter((r) => r.includes("|")).length).toBe(Number(listTotal) + 1);
  expect(rows.find((r) => r.includes(DEMO_ENTERPRISE_NAME))).toContain("有需求");
});
