import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// The park window's review queue shows each item's review deadline (园区审核期限) with the
// inbox's badge: red once past it, yellow on its last day, else the working days left. The
// colours on the page are the ones the stored deadlines give at this moment, and the
// dashboard's tile counts the overdue ones.

type TQueued = { serial: string; tone: "red" | "yellow" | "normal" };

const TONES_SQL = `
  SELECT r.serial,
         CASE WHEN r."parkDueAt" < now() THEN 'red'
              WHEN (r."parkDueAt" AT TIME ZONE 'Asia/Shanghai')::date = (now() AT TIME ZONE 'Asia/Shanghai')::date THEN 'yellow'
              ELSE 'normal' END AS tone
    FROM "Request" r
    JOIN "Park" p ON p.id = r."parkId"
    JOIN "User" u ON u."orgId" = p."orgId"
   WHERE u.account = 'park.window' AND r.status = 'SUBMITTED'`;

test("the park queue shows the review deadline badges, and the dashboard counts the overdue reviews", async ({ page }) => {
  await signInAs(page, "park.window");
  await page.goto("/park/queue");
  await expect(page.getByRole("columnheader", { name: "审核期限" })).toBeVisible();

  const expected = new Map((await queryDemo<TQueued>(TONES_SQL)).map((r) => [r.serial, r.tone]));
  // Row by row: a locator given to `has` is looked up inside each row, so "the i-th badge of
  // the page" cannot pick a row.
  const rows = page.getByRole("row").filter({ has: page.getByTestId("deadline-badge") });
  const shown = await rows.count();
  expect(shown).toBeGreaterThan(0);
  for (let i = 0; i < shown; i++) {
    const row = rows.nth(i);
    const badge = row.getByTestId("deadline-badge");
    const serial = (await row.getByRole("cell").first().innerText()).trim();
    const tone = expected.get(serial);
    expect(tone, `row ${serial} is in the park's queue`).toBeDefined();
    await expect(badge).toHaveAttribute("data-tone", tone!);
    await expect(badge).toContainText(tone === "red" ? "已逾期" : tone === "yellow" ? "今天到期" : "剩余");
  }

  const overdue = [...expected.values()].filter((t) => t === "red").length;
  test
    .info()
    .annotations.push({ type: "queue", description: `${expected.size} waiting, ${overdue} overdue, ${shown} badges on the first page` });
  await page.goto("/park");
  await expect(page.getByTestId("waiting-reviewOverdue")).toContainText(String(overdue));
});
