import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";

// The demo data has the 2025 and 2026 schedules; 2027 is not published. After 1 November
// 2026 every finance office page warns about it.
test("the finance admin sees the missing-2027 warning, enters a holiday for 2027 and sees it listed; bad entries get a Chinese message", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAs(page, "finance.admin");
  await expect(page).toHaveURL(/\/finance$/);

  const warning = page.getByTestId("missing-calendar-warning");
  if (Date.now() >= Date.parse("2026-11-01T00:00:00+08:00")) {
    await expect(warning).toBeVisible();
    await expect(warning).toContainText("2027 年节假日安排尚未录入，截止日期在 2027 年的事项为临时期限");
    await warning.getByRole("link", { name: "去录入 2027 年节假日安排" }).click();
    await expect(page).toHaveURL(/\/calendar\?year=2027$/);
  } else {
    await page.goto("/calendar?year=2027");
  }

  await expect(page.getByRole("heading", { level: 1, name: "工作日历" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "2027 年节假日安排" })).toBeVisible();
  await expect(page.getByText("2027 年节假日安排尚未发布")).toBeVisible();

  // An adjusted working day on a Monday is refused.
  await page.getByLabel("日期", { exact: true }).fill("2027-01-04");
  await page.getByLabel("类型", { exact: true }).selectOption("WORKDAY");
  await page.getByLabel("名称", { exact: true }).fill("元旦调休上班");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByText("调休上班日必须是周六或周日")).toBeVisible();

  // A holiday is added and listed.
  await page.getByLabel("日期", { exact: true }).fill("2027-01-01");
  await page.getByLabel("类型", { exact: true }).selectOption("HOLIDAY");
  await page.getByLabel("名称", { exact: true }).fill("元旦");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已添加" })).toBeVisible();
  const row = page.getByTestId("calendar-day-2027-01-01");
  await expect(row).toContainText("法定节假日");
  await expect(row).toContainText("元旦");
  await expect(row).toContainText("周五");

  // The fields are empty again; the same day twice is refused.
  await expect(page.getByLabel("日期", { exact: true })).toHaveValue("");
  await page.getByLabel("日期", { exact: true }).fill("2027-01-01");
  await page.getByLabel("类型", { exact: true }).selectOption("HOLIDAY");
  await page.getByLabel("名称", { exact: true }).fill("元旦");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByText("该日期已录入")).toBeVisible();

  // 2026 is published in the demo data, from the official notice.
  await page.getByRole("link", { name: /^2026 年/ }).click();
  await expect(page.getByText(/已发布：国务院办公厅关于2026年部分节假日安排的通知/)).toBeVisible();
  await expect(page.getByTestId("calendar-day-2026-10-01")).toContainText("国庆节");

  // Still not published: the warning stays on the finance dashboard.
  await page.goto("/finance");
  if (Date.now() >= Date.parse("2026-11-01T00:00:00+08:00")) await expect(page.getByTestId("missing-calendar-warning")).toBeVisible();
});
