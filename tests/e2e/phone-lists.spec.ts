import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";

// A list on a phone (390 px) is a stack of cards, one per row, with each row's status in
// view — not a wide table whose status column is cut off at the screen's edge — and from
// 640 px the same markup is the table again: the server renders the list once, and CSS
// decides (components/ui/data-table.tsx, app/globals.css).

const STATUSES = /^(草稿|待园区审核|退回补充|已转银行，待签收|已签收，办理中|已答复，待评价|督办中|已办结|已撤回)$/;

async function expectNoSideScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${new URL(page.url()).pathname} scrolls sideways`).toBeLessThanOrEqual(width + 1);
}

/** Each of the list's first rows is a card whose status line is whole and inside the screen. */
async function expectCardsWithStatus(page: Page, table: Locator, width: number): Promise<number> {
  const rows = table.locator("tbody tr");
  const count = await rows.count();
  expect(count, "the list has rows").toBeGreaterThan(0);
  for (let i = 0; i < Math.min(count, 5); i++) {
    const row = rows.nth(i);
    expect(await row.evaluate((tr) => getComputedStyle(tr).display), "the row is a card, not a table row").toBe("block");
    const status = row.locator('td[data-label="状态"]');
    await expect(status).toBeVisible();
    await expect(status).toHaveText(STATUSES);
    const box = (await status.boundingBox())!;
    expect(box.x, "the status starts on screen").toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, "the status ends on screen").toBeLessThanOrEqual(width);
    // Whole, not clipped: its text fits its box.
    const clipped = await status.evaluate((td) => {
      // The value sits in the cell itself, or in a box when it has several pieces.
      const value = (td.firstElementChild as HTMLElement | null) ?? td;
      return value.scrollWidth > value.clientWidth + 1 || td.getBoundingClientRect().right > window.innerWidth;
    });
    expect(clipped, "the status is cut off").toBe(false);
  }
  // The column headers are for screen readers only on a card layout (clipped to a pixel).
  const header = (await table.locator("thead").boundingBox())!;
  expect(header.width).toBeLessThanOrEqual(1);
  await expectNoSideScroll(page, width);
  return count;
}

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the enterprise's request list is cards with the status in view, rendered once", async ({ page }) => {
    await signInAs(page, "enterprise.owner");
    await page.goto("/requests");
    const table = page.getByRole("table", { name: "我的诉求" });
    const count = await expectCardsWithStatus(page, table, 390);
    // One markup for both widths: each request's link is on the page once.
    const hrefs = await table.locator("tbody tr th a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toHaveLength(count);
    for (const href of hrefs.slice(0, 3)) await expect(page.locator(`a[href="${href}"]`)).toHaveCount(1);
    await page.screenshot({ path: "test-results/phone-enterprise-requests-390.png", fullPage: true });

    // The enterprise's pairings list is cards too and stays within the screen.
    await page.goto("/pairings");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const pairingRows = page.locator("main tbody tr");
    await expect(pairingRows.first()).toBeVisible();
    expect(await pairingRows.first().evaluate((tr) => getComputedStyle(tr).display)).toBe("block");
    await expectNoSideScroll(page, 390);
  });

  test("the park's problem list is cards with the status in view", async ({ page }) => {
    await signInAs(page, "park.window");
    await page.goto("/requests");
    await expectCardsWithStatus(page, page.getByRole("table", { name: "问题清单" }), 390);
    await page.screenshot({ path: "test-results/phone-park-requests-390.png", fullPage: true });
  });
});

test.describe("at 1366 px", () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test("the same request list is a table with its status column", async ({ page }) => {
    await signInAs(page, "enterprise.owner");
    await page.goto("/requests");
    const table = page.getByRole("table", { name: "我的诉求" });
    const row = table.locator("tbody tr").first();
    expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe("table-row");
    await expect(table.getByRole("columnheader", { name: "状态" })).toBeVisible();
    await expect(row.locator('td[data-label="状态"]')).toHaveText(STATUSES);
    await expectNoSideScroll(page, 1366);
    await page.screenshot({ path: "test-results/phone-enterprise-requests-1366.png", fullPage: true });
  });
});
