import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { makeUscc } from "@/lib/registry/uscc";
import { signInAs } from "./support/auth";

// park.window works for park no. 1, 云溪高新技术产业开发区.
const PARK_ONE = "云溪高新技术产业开发区管理委员会";
const PASSWORD = "Qiye#2026reg";

const rng = { next: () => randomInt(0, 1_000_000) / 1_000_000 };
const tag = String(Date.now()).slice(-6);
const enterprise = {
  uscc: makeUscc(rng),
  name: `云溪融桥注册测试电子科技有限公司${tag}`,
  contactName: "孙晓梅",
  mobile: `137${String(randomInt(0, 100_000_000)).padStart(8, "0")}`,
  account: `e2e.reg.${tag}`,
};

function todayInShanghai(): string {
  return new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" }).format(new Date());
}

async function fillRegistration(page: Page, uscc: string) {
  await page.getByLabel("统一社会信用代码", { exact: true }).fill(uscc);
  await page.getByLabel("企业名称", { exact: true }).fill(enterprise.name);
  await page.getByLabel("所在园区", { exact: true }).selectOption({ label: PARK_ONE });
  await page.getByLabel("所属行业（国民经济行业分类门类）", { exact: true }).selectOption("C");
  await page.getByLabel("企业规模", { exact: true }).selectOption({ label: "小型" });
  await page.getByLabel("联系人姓名", { exact: true }).fill(enterprise.contactName);
  await page.getByLabel("联系人手机号", { exact: true }).fill(enterprise.mobile);
  await page.getByLabel("账号名", { exact: true }).fill(enterprise.account);
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByLabel("再次输入密码", { exact: true }).fill(PASSWORD);
}

test.describe.serial("enterprise self-registration", () => {
  test("a visitor registers an enterprise: field errors in Chinese, input kept, then the confirmation", async ({ page }) => {
    await page.goto("/register");
    await expect(page.getByRole("heading", { level: 1, name: "企业注册" })).toBeVisible();

    // Wrong check character: refused on the USCC field, everything typed stays.
    const wrong = enterprise.uscc.slice(0, 17) + (enterprise.uscc[17] === "0" ? "1" : "0");
    await fillRegistration(page, wrong);
    await page.getByRole("button", { name: "提交注册" }).click();
    const uscc = page.getByLabel("统一社会信用代码", { exact: true });
    await expect(uscc).toHaveAccessibleDescription(/校验位不正确/);
    await expect(uscc).toHaveAttribute("aria-invalid", "true");
    await expect(uscc).toHaveValue(wrong);
    await expect(page.getByLabel("企业名称", { exact: true })).toHaveValue(enterprise.name);
    await expect(page.getByLabel("所在园区", { exact: true }).locator("option:checked")).toHaveText(PARK_ONE);
    await expect(page.getByLabel("账号名", { exact: true })).toHaveValue(enterprise.account);

    // Too short: the length message.
    await uscc.fill(enterprise.uscc.slice(0, 10));
    await page.getByRole("button", { name: "提交注册" }).click();
    await expect(uscc).toHaveAccessibleDescription(/长度应为 18 位/);

    await uscc.fill(enterprise.uscc);
    await page.getByRole("button", { name: "提交注册" }).click();
    const done = page.getByRole("status");
    await expect(done.getByRole("heading", { name: "注册申请已提交" })).toBeVisible();
    await expect(done).toContainText(enterprise.name);
    await expect(done).toContainText("云溪高新区企业融资服务窗口");
    await expect(done).toContainText(enterprise.account);
  });

  test("the same USCC again gets the answer a new one gets (it is held for the window)", async ({ page }) => {
    await page.goto("/register");
    await fillRegistration(page, enterprise.uscc);
    await page.getByLabel("账号名", { exact: true }).fill(`${enterprise.account}.b`);
    await page.getByLabel("联系人手机号", { exact: true }).fill(`136${enterprise.mobile.slice(3)}`);
    await page.getByRole("button", { name: "提交注册" }).click();
    const done = page.getByRole("status");
    await expect(done.getByRole("heading", { name: "注册申请已提交" })).toBeVisible();
    await expect(done).toContainText(`${enterprise.account}.b`);
  });

  test("the new owner can sign in before approval", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("账号", { exact: true }).fill(enterprise.account);
    await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/enterprise$/);
  });

  test("park.window sees it in its queue, mobile masked, and approves it", async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, "park.window");
    await page.goto("/park/registrations");
    await expect(page.getByRole("heading", { level: 1, name: "企业注册审核" })).toBeVisible();
    const card = page.getByRole("article", { name: enterprise.name });
    await expect(card).toContainText(enterprise.uscc);
    await expect(card).toContainText(`${enterprise.mobile.slice(0, 3)}****${enterprise.mobile.slice(7)}`);
    await expect(card).not.toContainText(enterprise.mobile);
    await expect(card).toContainText("C 制造业");
    await expect(card).toContainText("小型");
    await expect(card).toContainText(todayInShanghai());
    // The application with the same USCC is held, in its own list.
    const held = page.getByRole("region", { name: "需人工核实的注册申请" });
    await expect(held).toContainText(`${enterprise.account}.b`);
    await expect(held).toContainText("统一社会信用代码已注册");

    // Reject needs a reason of at least 5 characters.
    const reason = card.getByLabel("退回原因", { exact: true });
    await reason.fill("不在");
    await card.getByRole("button", { name: `退回 ${enterprise.name}` }).click();
    await expect(reason).toHaveAccessibleDescription(/退回原因至少 5 个字/);

    await card.getByRole("button", { name: `通过 ${enterprise.name}` }).click();
    await expect(card.getByRole("status")).toHaveText(`已通过：${enterprise.name}`);

    await page.reload();
    await expect(page.getByRole("article", { name: enterprise.name })).toHaveCount(0);
  });
});
