import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";

// The annual assessment's place in the rankings and scoring pages, and the register of
// rewards and restrictions: the finance office records, the demo bank liaison (a
// sub-branch of 中国工商银行云溪分行) sees its bank's entry and not another bank's.

const OWN_BANK = "中国工商银行云溪分行";
const OTHER_BANK = "中国农业银行云溪分行";

test("the rankings page has the annual assessment and the scoring page its own rule set", async ({ page }) => {
  await signInAs(page, "finance.admin");
  await page.goto("/rankings");
  await expect(page.getByRole("heading", { level: 2, name: "年度考核" })).toBeVisible();
  await page.goto("/scoring?period=YEAR");
  await expect(page.getByRole("link", { name: "年度考核" })).toHaveAttribute("aria-current", "page");
});

test("the finance admin records measures; a bank sees its own and not another bank's", async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = String(Date.now()).slice(-6);
  const finance = await browser.newPage();
  await signInAs(finance, "finance.admin");
  for (const [bank, measure] of [
    [OWN_BANK, `约谈${tag}`],
    [OTHER_BANK, `暂停准入${tag}`],
  ] as const) {
    await finance.goto("/rewards");
    await finance.getByLabel("银行机构").selectOption({ label: bank });
    await finance.getByLabel("措施", { exact: true }).fill(measure);
    await finance.getByLabel("作出单位").fill("市地方金融管理局");
    await finance.getByLabel("日期").fill("2027-02-10");
    await finance.getByLabel("依据").fill("年度考核排名后五位");
    await finance.getByRole("button", { name: "登记" }).click();
    await expect(finance.getByRole("status")).toContainText("已登记");
  }
  await finance.close();

  const bank = await browser.newPage();
  await signInAs(bank, "bank.liaison");
  await bank.goto("/rewards");
  const table = bank.getByTestId("rewards-table");
  await expect(table).toContainText(`约谈${tag}`);
  await expect(table).not.toContainText(`暂停准入${tag}`);
  await expect(bank.getByRole("button", { name: "登记" })).toHaveCount(0);
  await bank.close();
});
