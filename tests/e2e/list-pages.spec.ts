import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";

// Keyset pages as a user meets them: 下一页 shows the next rows (none repeated), 上一页
// brings back the page before, a mangled cursor in the URL shows the first page rather
// than an error.

const rowKeys = (page: Page, table: string) =>
  page
    .getByRole("table", { name: table })
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.textContent ?? ""));

test("finance.admin pages through the request list and the enterprise registry, forward and back", async ({ page }) => {
  await signInAs(page, "finance.admin");

  await page.goto("/requests");
  const caption = "诉求清单";
  const first = await rowKeys(page, caption);
  expect(first.length).toBe(20);
  await expect(page.getByRole("navigation", { name: "分页" })).toContainText(/共 [\d,]+\+? 项/);
  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/after=/);
  const second = await rowKeys(page, caption);
  expect(second.length).toBeGreaterThan(0);
  expect(second.filter((r) => first.includes(r))).toEqual([]);
  await page.getByRole("link", { name: "上一页" }).click();
  await expect(page).toHaveURL(/before=/);
  expect(await rowKeys(page, caption)).toEqual(first);
  await expect(page.getByRole("link", { name: "上一页" })).toHaveCount(0);

  // A cursor that is not one of ours: the first page, not an error page.
  const response = await page.goto("/requests?after=not-a-cursor");
  expect(response?.status()).toBe(200);
  expect(await rowKeys(page, caption)).toEqual(first);

  await page.goto("/registry/enterprises");
  const registry = "企业名录";
  const names = await rowKeys(page, registry);
  expect(names.length).toBe(50);
  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/after=/);
  expect((await rowKeys(page, registry)).filter((r) => names.includes(r))).toEqual([]);
  await page.getByRole("link", { name: "上一页" }).click();
  await expect(page).toHaveURL(/before=/);
  expect(await rowKeys(page, registry)).toEqual(names);
});
