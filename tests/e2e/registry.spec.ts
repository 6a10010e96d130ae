import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_ENTERPRISE_NAME } from "@/lib/seed/demo";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// park.window works for park no. 1, where the demo enterprise sits.
const reason = `已获得首笔信用贷款授信（e2e ${String(Date.now()).slice(-6)}）`;

test.describe.serial("registries", () => {
  test("park.window searches its enterprises, changes one's class with a reason and sees the history", async ({ page }) => {
    await signInAs(page, "park.window");
    await page.goto("/registry");
    await page.getByRole("link", { name: /企业名录/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "企业名录" })).toBeVisible();

    await page.getByLabel("企业名称或统一社会信用代码").fill("华锐智能");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/q=/);
    const link = page.getByRole("link", { name: DEMO_ENTERPRISE_NAME });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page.getByRole("heading", { level: 1, name: DEMO_ENTERPRISE_NAME })).toBeVisible();

    // Too short a reason is refused on the field.
    const select = page.getByLabel("调整为");
    await select.selectOption({ index: 1 });
    const target = (await select.locator("option:checked").textContent())!.split("（")[0]!;
    const reasonField = page.getByLabel("调整原因");
    await reasonField.fill("太短");
    await page.getByRole("button", { name: "确认调整" }).click();
    await expect(reasonField).toHaveAccessibleDescription(/至少 5 个字/);

    await reasonField.fill(reason);
    await page.getByRole("button", { name: "确认调整" }).click();
    await expect(page.getByRole("status").filter({ hasText: "帮扶类别已调整" })).toBeVisible();
    await expect(page.getByTestId("support-class")).toHaveText(target);
    const history = page.getByRole("table", { name: /帮扶类别调整记录/ });
    const row = history.getByRole("row").filter({ hasText: reason });
    await expect(row).toContainText(target);
    await expect(row).toContainText("王丽娟");
  });

  test("park.window does not find another park's enterprise", async ({ page }) => {
    const [other] = await queryDemo<{ id: string }>(
      `SELECT e.id FROM "Enterprise" e JOIN "Park" p ON p.id = e."parkId" JOIN "User" u ON u."orgId" = p."orgId"
       WHERE u.account <> 'park.window' AND u.role = 'PARK_STAFF' AND p.id NOT IN (
         SELECT p2.id FROM "Park" p2 JOIN "User" u2 ON u2."orgId" = p2."orgId" WHERE u2.account = 'park.window') LIMIT 1`,
    );
    await signInAs(page, "park.window");
    const response = await page.goto(`/registry/enterprises/${other!.id}`);
    expect(response?.status()).toBe(404);
  });

  test("finance.admin exports the enterprise list with the page's filters as an .xlsx file", async ({ page }) => {
    await signInAs(page, "finance.admin");
    await page.goto("/registry/enterprises?section=C&size=SMALL");
    const exportLink = page.getByRole("link", { name: "导出 Excel" });
    await expect(exportLink).toHaveAttribute("href", "/registry/enterprises/export?section=C&size=SMALL");
    const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^企业名录-\d{8}\.xlsx$/);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString("latin1")).toBe("PK"); // an Office Open XML (zip) package
    expect(file.length).toBeGreaterThan(5_000);
  });
});
