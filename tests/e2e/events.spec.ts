import { expect, test, type Browser, type Page } from "@playwright/test";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { DEMO_ENTERPRISE_NAME } from "@/lib/seed/demo";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// Matching events through the real UI: the finance office publishes an event, the demo
// enterprise registers for it on a phone (390 px, no sideways scroll); then, on the demo's
// held roadshow, the demo bank records its intention with the enterprise and the
// enterprise turns it into a financing item in one click, the item naming the event.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

async function as(browser: Browser, account: string, phone = false): Promise<Page> {
  const page = await (await browser.newContext(phone ? PHONE : {})).newPage();
  await signInAs(page, account);
  return page;
}

async function expectNoSideScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${new URL(page.url()).pathname} scrolls sideways`).toBeLessThanOrEqual(390 + 1);
}

test("an event is published, an enterprise registers on a phone, an intention becomes a financing item", async ({ browser }) => {
  test.setTimeout(240_000);
  const title = `专精特新银企对接会 ${Date.now().toString(36)}`;
  const day = shanghaiDateString(new Date(Date.now() + 10 * 86_400_000));

  // ── the finance office publishes ──
  const finance = await as(browser, "finance.admin");
  await finance.goto("/events/new");
  await finance.getByLabel("活动类型").selectOption("MATCHMAKING");
  await finance.getByLabel("活动名称").fill(title);
  await finance.getByLabel("日期").fill(day);
  await finance.getByLabel("开始时间（北京时间）").fill("09:30");
  await finance.getByLabel("地点", { exact: true }).fill("市民中心三楼报告厅");
  await finance.getByLabel("名额（家企业）").fill("5");
  await finance.getByRole("button", { name: "发布活动" }).click();
  await expect(finance.getByTestId("event-created")).toBeVisible();
  await finance.getByRole("link", { name: "查看活动" }).click();
  await expect(finance.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(finance.getByTestId("event-phase")).toHaveText("报名中");

  // ── the enterprise registers on its phone ──
  const phone = await as(browser, "enterprise.owner", true);
  await phone.goto("/events");
  await expectNoSideScroll(phone);
  await phone.getByRole("link", { name: title }).click();
  await expect(phone.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const form = phone.getByTestId("event-register");
  await form.getByLabel("参会人").fill("李建华");
  await form.getByLabel("手机号码").fill("139 0731 8888");
  await expectNoSideScroll(phone);
  await form.getByRole("button", { name: "报名" }).click();
  // The page comes back showing the registration (and the button to cancel it).
  await expect(phone.getByTestId("my-registration-status")).toContainText("已报名");
  await expect(phone.getByRole("button", { name: "取消报名" })).toBeVisible();
  await phone.reload();
  await expect(phone.getByTestId("event-seats")).toHaveText("1/5");
  await phone.screenshot({ path: "test-results/events-phone-registered.png", fullPage: true });

  // The organiser sees the registration, with the mobile in full.
  await finance.reload();
  await expect(finance.getByTestId("event-registrations").getByTestId("registration-row")).toContainText(DEMO_ENTERPRISE_NAME);
  await expect(finance.getByTestId("event-registrations")).toContainText("13907318888");

  // ── after the held roadshow: the bank's intention, the enterprise's one click ──
  const [held] = await queryDemo<{ id: string }>(`SELECT id FROM "MatchEvent" WHERE status = 'HELD' ORDER BY "startsAt" DESC LIMIT 1`);
  expect(held, "the demo has a held event").toBeDefined();
  const bank = await as(browser, "bank.liaison");
  await bank.goto(`/events/${held!.id}`);
  const intention = bank.getByTestId("intention-form");
  await intention.getByLabel("企业").selectOption({ label: DEMO_ENTERPRISE_NAME });
  await intention.getByLabel("意向金额（万元）").fill("80");
  await intention.getByLabel("已签约金额（万元）").fill("50");
  await intention.getByLabel("期限（月）").fill("12");
  await intention.getByRole("button", { name: "保存意向" }).click();
  await expect(bank.getByTestId("event-intentions")).toContainText(DEMO_ENTERPRISE_NAME);

  await phone.goto(`/events/${held!.id}`);
  await expectNoSideScroll(phone);
  const mine = phone.getByTestId("event-intentions");
  await expect(mine).toContainText("80.00 万元");
  await mine.getByRole("button", { name: "转为融资诉求" }).click();
  // The item's serial replaces the button (the confirmation, or the refreshed row).
  const serial = mine.locator('[data-testid="intention-raised"] a, a[data-testid="intention-request"]').first();
  await expect(serial).toHaveText(/^RQ\d{4}-\d{6}$/);
  await serial.click();
  await phone.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(phone.getByText("待园区审核").first()).toBeVisible();
  await expect(phone.getByTestId("source-event")).toContainText("“创投”路演暨银企签约活动");
  await expectNoSideScroll(phone);
  await phone.screenshot({ path: "test-results/events-phone-raised.png", fullPage: true });
});
