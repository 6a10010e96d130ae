import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// Moments are shown to people in one style (lib/i18n/format.ts formatDateTime):
// "2026年12月8日 23:59", never the machine notation "2026-12-08 23:59:59".

const RAW = /\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/;
const PEOPLE = /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/;

async function expectPeoplesDateTimes(page: Page): Promise<void> {
  const text = await page.locator("main").innerText();
  expect(text, `${new URL(page.url()).pathname} shows a raw date-time`).not.toMatch(RAW);
  expect(text, `${new URL(page.url()).pathname} shows its moments`).toMatch(PEOPLE);
}

test("an answered item, the notifications and the audit log show date-times one way", async ({ page }) => {
  const [answered] = await queryDemo<{ id: string }>(
    `SELECT r.id FROM "Request" r JOIN "Enterprise" e ON e.id = r."enterpriseId" JOIN "User" u ON u."orgId" = e."orgId"
      WHERE u.account = 'enterprise.owner' AND r."answeredAt" IS NOT NULL ORDER BY r.serial LIMIT 1`,
  );
  expect(answered, "the demo enterprise has an answered item").toBeDefined();
  await signInAs(page, "enterprise.owner");
  await page.goto(`/requests/${answered!.id}`);
  await expect(page.getByTestId("timeline")).toBeVisible();
  await expectPeoplesDateTimes(page);
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectPeoplesDateTimes(page);

  await page.context().clearCookies();
  await signInAs(page, "finance.admin");
  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1, name: "审计日志" })).toBeVisible();
  await expectPeoplesDateTimes(page);
});
