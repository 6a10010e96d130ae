import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// Nothing typed is lost silently, and a refusal is never off screen: on a phone (390 px),
// a description one character over its limit is kept whole, counted in red, refused by
// the server, and focus goes to it with the message in view; required fields are marked.

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("a 2,001-character description is refused with its message in view and focus on it, not cut to 2,000", async ({ page }) => {
  test.setTimeout(120_000);
  const title = `超长说明 ${Date.now().toString(36)}`;
  const description = "企".repeat(2001);

  await signInAs(page, "enterprise.owner");
  await page.goto("/requests/new");
  await expect(page.getByText("带 * 的为必填项。")).toBeVisible();

  await page.getByLabel("诉求类型").selectOption("FINANCING");
  // Amount, term, date and purpose are required for a financing need: marked for everyone.
  for (const label of ["金额（万元）", "期限（月）", "资金需要日期", "资金用途"]) {
    await expect(page.getByLabel(label)).toHaveAttribute("aria-required", "true");
  }
  await page.getByLabel("标题").fill(title);
  const field = page.getByLabel("具体情况");
  await field.fill(description);
  // The browser kept every character (no maxlength cut the paste) and the count says it is over.
  await expect(field).toHaveValue(description);
  await expect(page.getByText("2001 / 2000 字 · 超出 1 字")).toBeVisible();
  await page.getByLabel("金额（万元）").fill("120");
  await page.getByLabel("期限（月）").fill("12");
  await page.getByLabel("资金需要日期").fill("2027-01-20");
  await page.getByLabel("资金用途").fill("采购原材料");

  // The button is far below the description on a phone.
  const submit = page.getByRole("button", { name: "提交", exact: true });
  await submit.scrollIntoViewIfNeeded();
  await expect(field).not.toBeInViewport();
  await submit.click();

  await expect(field).toBeFocused();
  await expect(field).toBeInViewport();
  const message = page.getByText("超过字数上限，请删减到上限以内后再提交");
  await expect(message).toBeInViewport();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "有 1 项需要修改" })).toBeVisible();
  await expect(page).toHaveURL(/\/requests\/new$/);
  await expect(field).toHaveValue(description);

  const stored = await queryDemo<{ n: number }>(`SELECT count(*)::int AS n FROM "Request" WHERE title = $1`, [title]);
  expect(stored[0]!.n, "nothing was stored").toBe(0);

  // Cut to the limit, it goes through.
  await field.fill(description.slice(1));
  await submit.click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  const [saved] = await queryDemo<{ n: number }>(`SELECT char_length(description)::int AS n FROM "Request" WHERE title = $1`, [title]);
  expect(saved!.n).toBe(2000);
});

test("an amount with three decimals of 万元 is refused with a message, and full-width digits are read as digits", async ({ page }) => {
  test.setTimeout(120_000);
  const title = `全角金额 ${Date.now().toString(36)}`;
  await signInAs(page, "enterprise.owner");
  await page.goto("/requests/new");
  await page.getByLabel("诉求类型").selectOption("FINANCING");
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("具体情况").fill("旺季备货资金不足。");
  const amount = page.getByLabel("金额（万元）");
  await amount.fill("10.005");
  await page.getByLabel("期限（月）").fill("１２");
  await page.getByLabel("资金需要日期").fill("2027-01-20");
  await page.getByLabel("资金用途").fill("采购原材料");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(amount).toBeFocused();
  await expect(page.getByText("金额以万元计，最多保留两位小数")).toBeInViewport();

  await amount.fill("１０．０１");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}\/edit\?created=1$/);
  const [saved] = await queryDemo<{ fen: string; term: number }>(
    `SELECT "amountFen"::text AS fen, "termMonths" AS term FROM "Request" WHERE title = $1`,
    [title],
  );
  expect(saved).toEqual({ fen: "10010000", term: 12 });
});
