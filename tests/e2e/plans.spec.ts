import { expect, test, type Page } from "@playwright/test";
import { demoTotpSecret } from "@/lib/seed/credentials";
import { DEFAULT_SEED } from "@/lib/seed/generate";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// Park assistance plans through the real UI on the demo data: the finance office returns
// the seeded park-approved plan with a reason; the main bank of the seventh park (left
// without a plan by the seed) drafts and submits one, its park window approves it and the
// finance office approves it.

test.describe.configure({ mode: "serial" });

// The demo gives no second factor to the other banks' managers and parks' windows: enrol one.
async function signInEnrolled(page: Page, account: string) {
  const totpSecret = demoTotpSecret(DEFAULT_SEED, `e2e:${account}`);
  await queryDemo(`UPDATE "User" SET "totpSecret" = $1, "totpEnabledAt" = now(), "totpLastStep" = NULL WHERE account = $2`, [
    totpSecret,
    account,
  ]);
  await signInAs(page, account, { totpSecret });
}

async function openFirstInQueue(page: Page) {
  await page.goto("/plans?view=queue");
  await page.getByTestId("plans-list").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /年度帮扶方案/ })).toBeVisible();
}

test("the finance office returns a park-approved plan with a reason", async ({ page }) => {
  await signInAs(page, "finance.admin");
  await openFirstInQueue(page);
  const review = page.getByTestId("plan-review-finance");
  await review.getByLabel("退回").check();
  await review.getByRole("button", { name: "提交审核意见" }).click();
  await expect(review.getByText("退回时请填写理由（至少 2 个字）")).toBeVisible();
  await review.getByLabel("退回理由").fill("请补充首贷户培育措施");
  await review.getByRole("button", { name: "提交审核意见" }).click();
  await expect(page.getByTestId("plan-return-reason")).toContainText("请补充首贷户培育措施");
  await expect(page.getByTestId("plan-history")).toContainText("金融办退回");
});

test("a main bank drafts and submits, the park approves, the finance office approves", async ({ browser }) => {
  test.setTimeout(180_000);
  const bank = await browser.newPage();
  await signInEnrolled(bank, "yxrcb.manager");
  await bank.goto("/plans/new");
  const form = bank.getByTestId("plan-form");
  await form.getByLabel("园区").selectOption({ index: 1 });
  await form.getByLabel("帮扶目标", { exact: true }).fill("围绕园区主导产业开展走访，首贷户和信用贷款稳步增长。");
  await form.getByLabel("全年新增贷款目标（万元）", { exact: true }).fill("5000");
  await form.getByLabel("贷款户数目标", { exact: true }).fill("40");
  await form.getByLabel("首贷户数目标", { exact: true }).fill("8");
  await form.getByLabel("信用贷款户数目标", { exact: true }).fill("12");
  await form.getByLabel("绿色通道承诺", { exact: true }).fill("3 个工作日内答复园区企业融资需求。");
  await form.getByLabel("成员 1 姓名", { exact: true }).fill("赵磊");
  await form.getByLabel("成员 1 职务", { exact: true }).fill("客户经理");
  await form.getByLabel("成员 1 电话", { exact: true }).fill("13807371234");
  await form.getByRole("button", { name: "保存为草稿" }).click();
  await bank.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  const planUrl = bank.url();
  await bank.getByRole("button", { name: "保存并报送园区审核" }).click();
  await expect(bank.getByTestId("plan-history")).toContainText("报送");
  await bank.close();

  const park = await browser.newPage();
  await signInEnrolled(park, "park07.window");
  await park.goto(planUrl);
  const parkReview = park.getByTestId("plan-review-park");
  await parkReview.getByRole("button", { name: "提交审核意见" }).click();
  await expect(park.getByTestId("plan-history")).toContainText("园区通过");
  await park.close();

  const finance = await browser.newPage();
  await signInAs(finance, "finance.admin");
  await finance.goto(planUrl);
  await finance.getByTestId("plan-review-finance").getByRole("button", { name: "提交审核意见" }).click();
  await expect(finance.getByTestId("plan-history")).toContainText("金融办批准");
  await expect(finance.getByText("第 1 版").first()).toBeVisible();
  await finance.close();
});
