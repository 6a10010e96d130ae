import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";

// The portal's menu at 1366 px (the finance office's screens): the finance office's
// twenty-odd links fit one row because the less daily ones sit in groups, and the groups
// open, lead on and close from the keyboard. The not-found page keeps the menu.

test.use({ viewport: { width: 1366, height: 900 } });

/** The tops of the menu's top-level entries: one value when they are on one row. */
const rowTops = (page: Page) =>
  page
    .getByTestId("portal-nav-list")
    .evaluate((list) => [...new Set([...list.children].map((li) => Math.round(li.getBoundingClientRect().top)))]);

test("the finance office's menu fits one row at 1366 px, in both languages, and its groups open by keyboard", async ({ page }) => {
  await signInAs(page, "finance.admin");
  await expect(page).toHaveURL(/\/finance$/);
  const nav = page.getByRole("navigation", { name: "主导航" });
  expect(await rowTops(page)).toHaveLength(1);
  await page.screenshot({ path: "test-results/portal-menu-1366.png" });

  // Tab onto the group's button, open it with Enter, Tab into its links, Escape closes it
  // and gives focus back to the button.
  const admin = nav.getByRole("button", { name: "管理设置" });
  await expect(admin).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "审计日志" })).toBeHidden();
  await nav.getByRole("link", { name: "金融产品" }).focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(admin).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(admin).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "审计日志" })).toBeVisible();
  await page.screenshot({ path: "test-results/portal-menu-open-1366.png" });
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "帮扶方案" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(admin).toHaveAttribute("aria-expanded", "false");
  await expect(admin).toBeFocused();
  await expect(nav.getByRole("link", { name: "审计日志" })).toBeHidden();

  // Space opens another group; one open group at a time; a link followed by Enter.
  await admin.press("Enter");
  const reports = nav.getByRole("button", { name: "报送排名" });
  await reports.focus();
  await page.keyboard.press("Space");
  await expect(reports).toHaveAttribute("aria-expanded", "true");
  await expect(admin).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "季度报送" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/submissions$/);
  // The group holding the current page is marked, and its link says it is the page.
  await expect(reports).toHaveAttribute("data-current", "true");
  await reports.click();
  await expect(nav.getByRole("link", { name: "季度报送" })).toHaveAttribute("aria-current", "page");
  // Tabbing past the group's last link closes it.
  await nav.getByRole("link", { name: "奖惩登记" }).focus();
  await page.keyboard.press("Tab");
  await expect(reports).toHaveAttribute("aria-expanded", "false");

  // English labels are longer: still one row.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  expect(await rowTops(page)).toHaveLength(1);
  await page.screenshot({ path: "test-results/portal-menu-en-1366.png" });
});

test("a not-found page inside the portal keeps the menu; outside it, for a visitor, it does not", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" })).toHaveCount(0);

  await signInAs(page, "enterprise.owner");
  for (const path of ["/requests/00000000-0000-4000-8000-000000000000", "/no-such-page"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link", { name: "我的诉求" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回工作台" })).toHaveAttribute("href", "/enterprise");
  }
  await page.screenshot({ path: "test-results/not-found-portal-1366.png" });
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的诉求" }).click();
  await expect(page).toHaveURL(/\/requests$/);
});
