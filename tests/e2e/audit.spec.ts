import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";

test.describe("audit log", () => {
  test("the finance admin finds its own sign-in, filters by action and downloads the CSV; bad parameters get a message", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signInAs(page, "finance.admin");
    await expect(page).toHaveURL(/\/finance$/);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("button", { name: "管理设置" }).click();
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "审计日志" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole("heading", { level: 1, name: "审计日志" })).toBeVisible();
    await expect(page.getByText("至少保存一年")).toBeVisible();

    // Newest first: its own successful sign-in is on the first page.
    const ownSignIn = page
      .getByRole("row")
      .filter({ hasText: "finance.admin" })
      .filter({ hasText: "auth.signIn" })
      .filter({ hasText: "成功" })
      .first();
    await expect(ownSignIn).toBeVisible();
    await expect(ownSignIn).toContainText("登录");
    await expect(ownSignIn).toContainText("周明远");
    await expect(ownSignIn.getByRole("cell").first()).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);

    // Filter by action prefix: only auth.* rows remain, and the filter stays in the form.
    await page.getByLabel("操作", { exact: true }).fill("auth.");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/[?&]action=auth\.(&|$)/);
    await expect(page.getByLabel("操作", { exact: true })).toHaveValue("auth.");
    const rows = page.locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allTextContents()) expect(text).toContain("auth.");

    // A filter that matches nothing explains what to change.
    await page.getByLabel("账号", { exact: true }).fill("no.such.account");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page.getByRole("heading", { name: "没有符合条件的记录" })).toBeVisible();
    await page.getByLabel("账号", { exact: true }).fill("finance.admin");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(ownSignIn).toBeVisible();

    // The CSV of the same search: BOM, Chinese heading, only auth.* rows of finance.admin.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe("编号,时间（北京时间）,账号,姓名,机构,操作代码,操作,对象类型,对象编号,结果,IP 地址,浏览器,详情");
    const records = lines.slice(1).filter(Boolean);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(record).toMatch(/^\d+,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},finance\.admin,周明远,[^,]*,auth\./);
    expect(records.some((r) => r.includes(",auth.signIn,登录,"))).toBe(true);

    // The export is itself in the log.
    await page.goto("/audit?action=audit.exported");
    const exported = page.getByRole("row").filter({ hasText: "导出审计日志" }).first();
    await expect(exported).toBeVisible();
    await expect(exported).toContainText("finance.admin");

    // Bad query parameters get a Chinese message, not an error page.
    await page.goto("/audit?from=2026-13-01&outcome=MAYBE");
    const alert = page.getByRole("alert").filter({ hasText: "查询条件有误" });
    await expect(alert).toContainText("日期格式应为“年-月-日”");
    await expect(alert).toContainText("结果只能是");
    await expect(page.getByLabel("开始日期", { exact: true })).toHaveAttribute("aria-invalid", "true");
  });

  test("a bank liaison has no audit link, is sent to its dashboard, and the export is not found", async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, "bank.liaison");
    await expect(page).toHaveURL(/\/bank$/);
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link").first()).toBeVisible();
    await expect(nav.getByRole("link", { name: "审计日志" })).toHaveCount(0);
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/bank$/);
    const response = await page.request.get("/audit/export", { maxRedirects: 0 });
    expect(response.status()).toBe(404);
  });

  test("signed out, the export answers 401", async ({ request }) => {
    const response = await request.get("/audit/export?action=auth.", { maxRedirects: 0 });
    expect(response.status()).toBe(401);
  });
});
