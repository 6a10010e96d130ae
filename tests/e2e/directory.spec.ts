import { expect, test } from "@playwright/test";
import { queryDemo } from "./support/demo-data";

// The public park finance directory: no sign-in, demo data.
test("shows each park's window and its main bank's current liaison without signing in", async ({ page, context }) => {
  const [row] = await queryDemo<{ park: string; window: string; bank: string; liaison: string; phone: string | null }>(
    `SELECT po."name" AS park, p."windowName" AS "window", bo."name" AS bank, c."liaisonName" AS liaison, c."liaisonPhone" AS phone
       FROM "ParkBankPairing" pb
       JOIN "Park" p ON p.id = pb."parkId"
       JOIN "Organization" po ON po.id = p."orgId"
       JOIN "Organization" bo ON bo.id = pb."bankOrgId"
       JOIN LATERAL (SELECT * FROM "BankContact" bc
                      WHERE bc."bankOrgId" = pb."bankOrgId" AND bc."effectiveOn" <= (now() AT TIME ZONE 'Asia/Shanghai')::date
                      ORDER BY bc."effectiveOn" DESC, bc."filedAt" DESC LIMIT 1) c ON true
      WHERE pb.role = 'MAIN' AND pb."endedAt" IS NULL
      ORDER BY p.code, pb.year DESC
      LIMIT 1`,
  );
  expect(row, "demo data has a park with a main bank and a contact").toBeDefined();
  await context.clearCookies();

  await page.setViewportSize({ width: 390, height: 844 });
  const response = await page.goto("/directory");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/directory$/);
  await expect(page.getByRole("heading", { level: 1, name: "园区金融服务名录" })).toBeVisible();

  const park = page.getByRole("article", { name: row!.park });
  await expect(park).toBeVisible();
  await expect(park.getByText(row!.window, { exact: true })).toBeVisible();
  const main = park.getByRole("listitem").filter({ hasText: "主联系银行" });
  await expect(main.getByText(row!.bank, { exact: true })).toBeVisible();
  await expect(main.getByText(row!.liaison, { exact: true })).toBeVisible();
  if (row!.phone) await expect(main.getByRole("link", { name: row!.phone })).toBeVisible();

  // Usable on a phone: nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
