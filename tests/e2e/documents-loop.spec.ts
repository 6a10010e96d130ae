import { expect, test, type Browser, type Page } from "@playwright/test";
import { verifyChain, type TChainedLedgerEntry } from "@/lib/ledger/hash";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// The documents loop: the bank answers 需补充材料; the enterprise, on a phone (390 px),
// reads the rule on the item, uploads a file and sends it with a note; the item is back in
// the same bank's inbox (out of its 待企业补充 tab) with a deadline counted from the
// submission; the bank answers with a loan. The ledger holds each step, the file tied to
// the enterprise's SUPPLEMENT entry, and its hash chain is intact.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

async function as(browser: Browser, account: string, phone = false): Promise<Page> {
  const page = await (await browser.newContext(phone ? PHONE : {})).newPage();
  await signInAs(page, account);
  return page;
}

async function expectNoSideScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${new URL(page.url()).pathname} scrolls sideways`).toBeLessThanOrEqual(390 + 1);
}

test("需补充材料 → the enterprise sends documents from a phone → the bank answers with a loan; the ledger holds each step", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const title = `e2e 补充材料 ${Date.now().toString(36)}`;

  // ── the enterprise submits, the park forwards, the bank signs (desktop) ──
  const desk = await as(browser, "enterprise.owner");
  await desk.goto("/requests/new");
  await desk.getByLabel("诉求类型").selectOption("FINANCING");
  await desk.getByLabel("标题", { exact: true }).fill(title);
  await desk.getByLabel("具体情况").fill("扩大产能需要中期流动资金。");
  await desk.getByLabel("金额（万元）").fill("200");
  await desk.getByLabel("期限（月）").fill("12");
  await desk.getByLabel("资金需要日期").fill("2027-02-01");
  await desk.getByLabel("资金用途").fill("采购原材料");
  await desk.getByLabel("可提供的抵押、担保").fill("应收账款质押");
  await desk.getByRole("button", { name: "提交", exact: true }).click();
  await desk.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  const url = new URL(desk.url()).pathname;
  const requestId = url.split("/").pop()!;

  const park = await as(browser, "park.window");
  await park.goto(url);
  await park.getByRole("button", { name: "转交", exact: true }).click();
  await expect(park.getByText("已转银行，待签收").first()).toBeVisible();

  const bank = await as(browser, "bank.liaison");
  await bank.goto(url);
  await bank.getByRole("button", { name: "签收", exact: true }).click();
  await expect(bank.getByText("已签收，办理中").first()).toBeVisible();

  // ── the bank asks for documents ──
  await bank.getByLabel("答复意见").selectOption("NEEDS_DOCUMENTS");
  await bank.getByLabel("需补充的材料").fill("近两年财务报表");
  await bank.getByRole("button", { name: "提交答复" }).click();
  await expect(bank.getByText("已答复，待评价").first()).toBeVisible();
  // The rule is on the item for the bank too.
  await expect(bank.getByTestId("documents-loop-rule")).toContainText("答复期限自提交材料之日起重新计算");
  // Its inbox lists the item apart: waiting for the enterprise, not among its own work.
  await bank.goto("/bank/inbox?list=awaitingEnterprise");
  await expect(bank.getByTestId("inbox-awaitingEnterprise").getByRole("row").filter({ hasText: title })).toBeVisible();

  // ── the enterprise, on a phone: reads the rule, uploads, sends ──
  const phone = await as(browser, "enterprise.owner", true);
  await phone.goto(url);
  const step = phone.getByTestId("documents-step");
  await expect(step).toContainText("近两年财务报表");
  await expect(step.getByTestId("documents-rule")).toContainText("答复期限自您提交材料之日起重新计算");
  await expectNoSideScroll(phone);
  await step.getByLabel("选择文件上传").setInputFiles({ name: "财务报表2025.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(step.getByRole("link", { name: "财务报表2025.pdf" })).toBeVisible();
  await step.getByLabel("补充说明").fill("已上传2024—2025年财务报表，请审阅。");
  // For a person to look at: the step as a phone shows it (in the test's output folder).
  await step.screenshot({ path: test.info().outputPath("documents-step-390.png") });
  await step.getByRole("button", { name: "提交补充材料" }).click();
  await expect(phone.getByText("已签收，办理中").first()).toBeVisible();
  await expect(phone.getByTestId("timeline").getByRole("listitem").filter({ hasText: "企业补充材料" })).toContainText("财务报表2025.pdf");
  await expectNoSideScroll(phone);

  // ── the bank sees it back with its running items, and answers with a loan ──
  await bank.goto("/bank/inbox?list=awaitingEnterprise");
  await expect(bank.getByRole("row").filter({ hasText: title })).toHaveCount(0);
  await bank.goto("/bank/inbox");
  await bank.getByRole("row").filter({ hasText: title }).getByRole("link").first().click();
  await bank.waitForURL(`**${url}`);
  await expect(bank.getByTestId("documents-loop-rule")).toContainText("企业已于");
  await expect(bank.getByTestId("attachments").getByRole("link", { name: "财务报表2025.pdf" })).toBeVisible();
  await bank.getByLabel("答复意见").selectOption("GRANTED");
  await bank.getByLabel("授信/放款金额（万元）").fill("180");
  await bank.getByLabel("年利率（%）").fill("3.45");
  await bank.getByLabel("期限（月）").fill("12");
  await bank.getByLabel("贷款产品").fill("科技贷");
  await bank.getByLabel("授信日期").fill("2026-11-27");
  await bank.getByRole("button", { name: "提交答复" }).click();
  await expect(bank.getByText("已答复，待评价").first()).toBeVisible();

  // ── the ledger: each step, the file with the enterprise's entry, the chain intact ──
  const ledger = await queryDemo<TChainedLedgerEntry & { id: string; content: unknown }>(
    `SELECT id::text AS id, "requestId"::text AS "requestId", seq, action::text AS action, "actorUserId"::text AS "actorUserId",
            "actorOrgId"::text AS "actorOrgId", "fromStatus"::text AS "fromStatus", "toStatus"::text AS "toStatus",
            content, note, "occurredAt", "prevHash", hash
       FROM "LedgerEntry" WHERE "requestId" = $1 ORDER BY seq`,
    [requestId],
  );
  expect(ledger.map((e) => e.action)).toEqual(["SUBMIT", "FORWARD", "SIGN", "ANSWER", "SUPPLEMENT", "ANSWER"]);
  expect(verifyChain(ledger)).toBe(-1);
  const supplement = ledger[4]!;
  expect(supplement).toMatchObject({ fromStatus: "ANSWERED", toStatus: "SIGNED", note: "已上传2024—2025年财务报表，请审阅。" });
  expect(supplement.content).toMatchObject({ attachments: [{ fileName: "财务报表2025.pdf" }] });
  const files = await queryDemo<{ fileName: string; ledgerEntryId: string | null }>(
    `SELECT "fileName", "ledgerEntryId"::text AS "ledgerEntryId" FROM "Attachment" WHERE "requestId" = $1`,
    [requestId],
  );
  expect(files).toEqual([{ fileName: "财务报表2025.pdf", ledgerEntryId: supplement.id }]);
  const [row] = await queryDemo<{ status: string; answerKind: string; restarted: boolean }>(
    `SELECT status::text, "answerKind"::text AS "answerKind", "deadlineStartAt" = $2::timestamptz AS restarted FROM "Request" WHERE id = $1`,
    [requestId, (supplement as unknown as { occurredAt: Date }).occurredAt],
  );
  expect(row).toEqual({ status: "ANSWERED", answerKind: "GRANTED", restarted: true });
});
