import { expect, test } from "@playwright/test";

test.describe("sign-in page", () => {
  test("the front door is the Chinese sign-in page, with demo accounts from the database", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    const demo = page.getByRole("region", { name: "演示账号" });
    for (const account of ["finance.admin", "pbc.staff", "bank.liaison", "park.window", "enterprise.owner"]) {
      await expect(demo.getByText(account, { exact: true })).toBeVisible();
    }
  });

  test("an empty or unknown account gets a Chinese error next to the field", async ({ page }) => {
    await page.goto("/sign-in");
    const account = page.getByLabel("账号", { exact: true });
    await page.getByRole("button", { name: "登录" }).click();
    // The error is tied to the field (aria-describedby) and marked invalid.
    await expect(account).toHaveAccessibleDescription(/请输入账号/);
    await expect(account).toHaveAttribute("aria-invalid", "true");
    await account.fill("nobody.here");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(account).toHaveAccessibleDescription(/账号不存在或已停用，请检查后重试/);
    await expect(account).toHaveValue("nobody.here");
  });

  const landings = [
    { account: "finance.admin", path: "/finance", heading: "金融办工作台" },
    { account: "pbc.staff", path: "/pbc", heading: "人民银行工作台" },
    { account: "bank.liaison", path: "/bank", heading: "银行工作台" },
    { account: "park.window", path: "/park", heading: "园区工作台" },
    { account: "enterprise.owner", path: "/enterprise", heading: "企业工作台" },
  ];
  for (const { account, path, heading } of landings) {
    test(`${account} lands on ${path}`, async ({ page }) => {
      await page.goto("/sign-in");
      await page.getByLabel("账号", { exact: true }).fill(account);
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      // The overview numbers come from the seeded database: 10 parks.
      await expect(page.getByText("10 个", { exact: true })).toBeVisible();
    });
  }
});

test("the language switch turns the page into English and back", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
});

test("health answers ok with the database up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});
