import { expect, test } from "@playwright/test";
import { currentTotp } from "@/lib/auth/totp";
import { signInAs } from "./support/auth";

test("the finance admin creates a bank with its first user, who then sets up the account and lands on the bank dashboard", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const account = `e2e.bank.${suffix}`;
  const mobile = `137${String(Date.now()).slice(-8)}`;
  const bankName = `端到端测试银行云溪分行 ${suffix}`;

  // ── the finance admin creates the organization and its first user ──
  await signInAs(page, "finance.admin");
  await expect(page).toHaveURL(/\/finance$/);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("button", { name: "管理设置" }).click();
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "机构管理" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "机构管理" })).toBeVisible();
  await page.getByRole("link", { name: "新建机构" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "新建机构" })).toBeVisible();

  await page.getByLabel("机构类型").selectOption("BANK");
  await page.getByLabel("机构全称").fill(bankName);
  await page.getByLabel("银行层级").selectOption("BRANCH");
  await page.getByLabel("角色").selectOption("BANK_MANAGER");
  await page.getByLabel("姓名").fill("赵行长");
  await page.getByLabel("账号", { exact: true }).fill(account);
  await page.getByLabel("手机号").fill(mobile);
  await page.getByRole("button", { name: "创建机构" }).click();

  await expect(page.getByRole("status")).toContainText(bankName);
  await expect(page.getByTestId("temporary-account")).toHaveText(account);
  const temporaryPassword = (await page.getByTestId("temporary-password").textContent())?.trim() ?? "";
  expect(temporaryPassword).toHaveLength(16);
  await expect(page.getByText("此密码只显示这一次")).toBeVisible();

  // Shown once: the list and a reload do not show it again.
  await page.goto("/orgs?kind=BANK");
  await expect(page.getByRole("rowheader", { name: bankName })).toBeVisible();
  await expect(page.getByText(temporaryPassword)).toHaveCount(0);

  // The new user is listed with the mobile masked; "显示" reveals it (audited).
  await page.goto(`/users?q=${encodeURIComponent(account)}`);
  const row = page.getByTestId(`user-row-${account}`);
  await expect(row).toContainText(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
  await expect(row).not.toContainText(mobile);
  await expect(row).toContainText("待修改初始密码");
  await row.getByRole("button", { name: "显示赵行长的完整手机号" }).click();
  await expect(row.getByTestId("revealed-mobile")).toHaveText(mobile);

  // The per-user page offers the administrator's actions.
  await row.getByRole("link", { name: "管理 赵行长" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "赵行长" })).toBeVisible();
  for (const name of ["变更角色", "重置密码", "发送重置链接", "重置动态口令", "停用账号"]) {
    await expect(page.getByRole("button", { name })).toBeVisible();
  }
  // A reset link needs an address, which a user created here has not: the page says so.
  await page.getByRole("button", { name: "发送重置链接" }).click();
  await expect(page.locator("#main").getByRole("alert")).toContainText("该用户没有登记邮箱");

  // A second user of the new bank, from the users page.
  await page.goto("/users/new");
  await page.getByLabel("所属机构").selectOption({ label: bankName });
  await page.getByLabel("角色").selectOption("BANK_LIAISON");
  await page.getByLabel("姓名").fill("钱联络");
  await page.getByLabel("账号", { exact: true }).fill(`${account}.liaison`);
  await page.getByLabel("手机号").fill(`136${mobile.slice(3)}`);
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByTestId("temporary-account")).toHaveText(`${account}.liaison`);
  await expect(page.getByTestId("temporary-password")).toHaveText(/^\S{16}$/);

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // ── the new user: change the temporary password ──
  await signInAs(page, account, { password: temporaryPassword });
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByText("这是管理员为您设置的初始密码")).toBeVisible();
  const newPassword = "Qiao#Bridge2026x";
  await page.getByLabel("当前密码").fill(temporaryPassword);
  await page.getByLabel("新密码", { exact: true }).fill(newPassword);
  await page.getByLabel("再次输入新密码").fill(newPassword);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=passwordChanged/);

  // ── then enrol a second factor (a bank manager must) ──
  await signInAs(page, account, { password: newPassword });
  await expect(page).toHaveURL(/\/account\/totp$/);
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("6 位动态口令").fill(currentTotp(secret, new Date()));
  await page.getByRole("button", { name: "启用动态口令" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).not.toHaveCount(0);

  // ── and lands on the bank dashboard ──
  await page.getByRole("link", { name: "继续" }).click();
  await expect(page).toHaveURL(/\/bank$/);
  await expect(page.getByRole("heading", { level: 1, name: "银行工作台" })).toBeVisible();
});
