import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";
import { pageRoutes } from "./support/page-routes";

// The enterprise's flows on a phone (390 × 844) — dashboard, list, a new
// request through the form, the item with its timeline, rating an answered item — and no
// page scrolls sideways.

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectNoSideScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${new URL(page.url()).pathname} scrolls sideways`).toBeLessThanOrEqual(390 + 1);
}

test("an enterprise owner uses the portal at 390 px: dashboard, list, new request, timeline, rating", async ({ page }) => {
  test.setTimeout(180_000);
  const [answered] = await queryDemo<{ id: string; title: string }>(
    `SELECT r.id, r.title FROM "Request" r JOIN "Enterprise" e ON e.id = r."enterpriseId" JOIN "User" u ON u."orgId" = e."orgId"
      WHERE u.account = 'enterprise.owner' AND r.status = 'ANSWERED' ORDER BY r."answeredAt" DESC NULLS LAST, r.serial LIMIT 1`,
  );
  expect(answered, "the demo enterprise has an answered item").toBeDefined();

  await signInAs(page, "enterprise.owner");
  // The request cards are client components: the server's HTML must match what the browser
  // renders (a mismatch is reported as an error on the page and through the console).
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/enterprise");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "我的诉求" })).toBeVisible();
  await expect(page.locator("[data-testid^=tracker-]").first().getByRole("list", { name: "办理进度" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(errors, "the dashboard renders in the browser without errors").toEqual([]);
  await expectNoSideScroll(page);

  // The navigation folds behind 菜单 and opens from the keyboard.
  const menu = page.getByRole("button", { name: "菜单" });
  await expect(menu).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的诉求" })).toBeHidden();
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的诉求" }).click();
  await expect(page).toHaveURL(/\/requests$/);
  await expectNoSideScroll(page);

  // A new request through the form.
  const title = `手机端 流动资金贷款 ${Date.now().toString(36)}`;
  await page.goto("/requests/new");
  await expectNoSideScroll(page);
  await page.getByLabel("诉求类型").selectOption("FINANCING");
  await page.getByLabel("标题", { exact: true }).fill(title);
  await page.getByLabel("具体情况").fill("旺季备货资金不足，需要短期流动资金贷款。");
  await page.getByLabel("金额（万元）").fill("120");
  await page.getByLabel("期限（月）").fill("12");
  await page.getByLabel("资金需要日期").fill("2027-01-20");
  await page.getByLabel("资金用途").fill("采购原材料");
  await page.getByLabel("可提供的抵押、担保").fill("应收账款质押");
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("待园区审核").first()).toBeVisible();
  await expect(page.getByTestId("timeline").getByRole("listitem").filter({ hasText: "企业提交" })).toBeVisible();
  await expectNoSideScroll(page);

  // The new item is in the list.
  await page.goto("/requests");
  await expect(page.getByText(title).first()).toBeVisible();
  await expectNoSideScroll(page);

  // Rate an answered item.
  await page.goto(`/requests/${answered!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: answered!.title })).toBeVisible();
  await expect(page.getByTestId("timeline")).toBeVisible();
  await expectNoSideScroll(page);
  await page.getByLabel("满意", { exact: true }).check();
  await page.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByText("已办结").first()).toBeVisible();
  await expect(page.getByTestId("timeline").getByRole("listitem").filter({ hasText: "企业评价" }).first()).toBeVisible();
  await expectNoSideScroll(page);

  // Every other page the enterprise may open (the same list pages.spec.ts walks).
  const pages = pageRoutes().filter((r) => r.roles?.includes("ENTERPRISE_OWNER") && !r.route.includes("["));
  for (const { route } of pages) {
    await page.goto(route);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await expectNoSideScroll(page);
  }
});
