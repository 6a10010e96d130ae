import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// The half-year evaluation through the browser, on the demo data (H1 finalised, H2 open
// with the central bank's points for the first banks): the central bank scores a bank
// still without its points, the finance office cannot finalise before Q3 and Q4 are
// published and downloads the table, and the demo liaison sees its bank's finalised
// result with the requirement to rectify and the reason.

async function as(browser: Browser, account: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account);
  return page;
}

test("both offices work on the open evaluation, the bank sees its finalised result", async ({ browser }) => {
  test.setTimeout(240_000);
  const [open] = await queryDemo<{ id: string }>(`SELECT id::text AS id FROM "HalfYearEvaluation" WHERE status = 'OPEN' LIMIT 1`);
  const [unscored] = await queryDemo<{ name: string; bankOrgId: string }>(
    `SELECT o.name, o.id::text AS "bankOrgId" FROM "HalfYearEvaluationBank" b JOIN "Organization" o ON o.id = b."bankOrgId"
      WHERE b."evaluationId" = $1::uuid AND b."pbcAt" IS NULL ORDER BY o.name LIMIT 1`,
    [open!.id],
  );
  expect(unscored, "the demo's open evaluation has a bank the central bank has not scored").toBeTruthy();

  // ── the central bank scores it ──
  const pbc = await as(browser, "pbc.staff");
  await pbc.goto("/evaluations");
  await pbc.getByRole("link", { name: /下半年/ }).click();
  await pbc.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
  await pbc.locator("summary", { hasText: unscored!.name }).click();
  const form = pbc
    .getByRole("form", { name: "录入人民银行定性评分" })
    .filter({ has: pbc.locator(`input[value="${unscored!.bankOrgId}"]`) });
  await form.getByLabel(/人民银行综合评价结果/).fill("48");
  await form.getByLabel(/综合执法检查情况/).fill("35");
  await form.getByLabel("评分意见").fill("综合评价良好");
  await form.getByRole("button", { name: "保存评分" }).click();
  await expect(form.getByRole("status")).toContainText("已保存：83 分");
  const [stored] = await queryDemo<{ points: number[] }>(
    `SELECT "pbcPoints" AS points FROM "HalfYearEvaluationBank" WHERE "evaluationId" = $1::uuid AND "bankOrgId" = $2::uuid`,
    [open!.id, unscored!.bankOrgId],
  );
  expect(stored!.points).toEqual([48, 35]);

  // ── the finance office cannot finalise yet, and downloads the table ──
  const finance = await as(browser, "finance.admin");
  await finance.goto(`/evaluations/${open!.id}`);
  await expect(finance.getByText("已有评分录入，本评估的规则已冻结。")).toBeVisible();
  finance.once("dialog", (d) => void d.accept());
  await finance.getByRole("button", { name: "定稿" }).click();
  await expect(finance.locator("[data-form-alert]")).toContainText(/排名须先发布|人民银行和金融办须先/);
  const [download] = await Promise.all([finance.waitForEvent("download"), finance.getByRole("link", { name: /导出评估表/ }).click()]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");

  // ── the bank sees its own finalised result ──
  const bank = await as(browser, "bank.liaison");
  await bank.goto("/evaluations");
  await expect(bank.getByText("须整改").first()).toBeVisible();
  await bank.getByRole("link", { name: /上半年/ }).click();
  await expect(bank.getByRole("heading", { name: "本行评估结果" })).toBeVisible();
  await expect(bank.getByText("须制定整改措施", { exact: true })).toBeVisible();
  await expect(bank.getByText(/金融办指定：综合执法检查发现/)).toBeVisible();
  await expect(bank.getByRole("row")).toHaveCount(2); // header + its own bank
  // The open evaluation does not exist for a bank.
  const response = await bank.goto(`/evaluations/${open!.id}`);
  expect(response?.status()).toBe(404);
});
