import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, freshDemoCode, signInAs } from "./support/auth";

test.describe("sign-in page", () => {
  test("signed-out visitors reach the Chinese sign-in page from the public portal; it lists the demo accounts", async ({ page }) => {
    // "/" is the public portal for signed-out visitors; its banner links to sign-in.
    await page.goto("/");
    await expect(page).not.toHaveURL(/\/sign-in/);
    await page.getByRole("banner").getByRole("link", { name: "登录平台" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    const demo = page.getByRole("region", { name: "演示账号" });
    for (const account of ["finance.admin", "pbc.staff", "bank.liaison", "park.window", "enterprise.owner"]) {
      await expect(demo.getByText(account, { exact: true })).toBeVisible();
    }
    for (const path of ["/finance", "/bank", "/account"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in$/);
    }
  });

  test("errors are shown next to the field, and a wrong password says the same as an unknown account", async ({ page }) => {
    await page.goto("/sign-in");
    const login = page.getByLabel("账号", { exact: true });
    const password = page.getByLabel("密码", { exact: true });
    await page.getByRole("button", { name: "登录" }).click();
    await expect(login).toHaveAccessibleDescription(/请输入账号/);
    await expect(login).toHaveAttribute("aria-invalid", "true");

    await login.fill("nobody.here");
    await password.fill("Whatever#2026");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(password).toHaveAccessibleDescription(/账号或密码错误/);
    const unknownAnswer = await page.locator("#main form").innerText();

    await login.fill("pbc.staff");
    await password.fill("Whatever#2026");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(password).toHaveAccessibleDescription(/账号或密码错误/);
    expect(await page.locator("#main form").innerText()).toBe(unknownAnswer);
    await expect(login).toHaveValue("pbc.staff");
  });

  test("a staff account must give a one-time code, and a wrong code is refused", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("账号", { exact: true }).fill("bank.liaison");
    await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    const totp = page.getByLabel("动态口令", { exact: true });
    await expect(totp).toHaveAccessibleDescription(/请输入动态口令/);
    await totp.fill("000000");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(totp).toHaveAccessibleDescription(/动态口令错误或已使用/);
    await totp.fill(await freshDemoCode("bank.liaison"));
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/bank$/);
  });

  // The visible links and, between them, the menu's groups (their links are behind them).
  const landings = [
    {
      account: "finance.admin",
      path: "/finance",
      heading: "金融办工作台",
      nav: ["工作台", "诉求清单", "督办", "消息中心", "金融产品", "账户安全"],
      groups: ["报送排名", "名录结对", "管理设置"],
    },
    {
      account: "pbc.staff",
      path: "/pbc",
      heading: "人民银行工作台",
      nav: ["工作台", "诉求清单", "督办", "消息中心", "金融产品", "账户安全"],
      groups: ["报送排名", "名录结对"],
    },
    {
      account: "bank.liaison",
      path: "/bank",
      heading: "银行工作台",
      nav: ["工作台", "诉求清单", "待办事项", "消息中心", "金融产品", "本行产品", "账户安全"],
      groups: ["报送排名", "名录结对"],
    },
    {
      account: "park.window",
      path: "/park",
      heading: "园区工作台",
      nav: ["工作台", "问题清单", "审核队列", "消息中心", "金融产品", "账户安全"],
      groups: ["名录结对", "管理设置"],
    },
    {
      account: "enterprise.owner",
      path: "/enterprise",
      heading: "企业工作台",
      nav: ["工作台", "提交诉求", "我的诉求", "消息中心", "金融产品", "用户管理", "账户安全"],
      groups: ["名录结对"],
    },
  ];
  for (const { account, path, heading, nav, groups } of landings) {
    test(`${account} lands on ${path} with its own navigation`, async ({ page }) => {
      await signInAs(page, account);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      const links = page.getByRole("navigation", { name: "主导航" }).getByRole("link");
      await expect(links).toHaveText(nav);
      await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("button")).toHaveText(groups);
      // The dashboard is built from the seeded data: it has its sections, not an empty page.
      await expect(page.getByRole("main").getByRole("heading", { level: 2 }).first()).toBeVisible();
      // Another role's dashboard sends it back to its own.
      await page.goto(path === "/pbc" ? "/finance" : "/pbc");
      await expect(page).toHaveURL(new RegExp(`${path}$`));
    });
  }

  test("after signing out, the captured session cookie opens nothing", async ({ page, context }) => {
    await signInAs(page, "enterprise.owner");
    const captured = await context.cookies();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await context.addCookies(captured);
    await page.goto("/enterprise");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
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
