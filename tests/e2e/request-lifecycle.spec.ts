import { expect, test, type Browser, type Page } from "@playwright/test";
import { verifyChain, type TChainedLedgerEntry } from "@/lib/ledger/hash";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// The whole life of an item, each role in its own browser: the enterprise submits,
// the park forwards, the bank signs and answers, the enterprise is dissatisfied, the
// bank answers again, the enterprise is satisfied. The timeline and the stored ledger
// show every step in order, and the ledger's hash chain is intact.

async function as(browser: Browser, account: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account);
  return page;
}

test("an item's whole life: submit, forward, sign, answer, dissatisfied, answer again, satisfied", async ({ browser }) => {
  test.setTimeout(300_000);
  const title = `e2e 设备更新贷款 ${Date.now().toString(36)}`;

  // ── the enterprise submits ──
  const enterprise = await as(browser, "enterprise.owner");
  await enterprise.goto("/requests/new");
  await enterprise.getByLabel("诉求类型").selectOption("FINANCING");
  await enterprise.getByLabel("标题", { exact: true }).fill(title);
  await enterprise.getByLabel("具体情况").fill("企业订单增长，需购置两台数控机床，自有资金不足。");
  // Submitting without the financing fields is refused next to each field, in Chinese.
  await enterprise.getByRole("button", { name: "提交", exact: true }).click();
  await expect(enterprise.getByLabel("金额（万元）")).toHaveAccessibleDescription(/此项为必填项/);
  await enterprise.getByLabel("金额（万元）").fill("300");
  await enterprise.getByLabel("期限（月）").fill("24");
  await enterprise.getByLabel("资金需要日期").fill("2027-01-15");
  await enterprise.getByLabel("资金用途").fill("购置数控机床两台");
  await enterprise.getByLabel("可提供的抵押、担保").fill("厂房抵押");
  await enterprise.getByRole("button", { name: "提交", exact: true }).click();
  await enterprise.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  const url = new URL(enterprise.url()).pathname;
  const requestId = url.split("/").pop()!;
  await expect(enterprise.getByText("待园区审核").first()).toBeVisible();

  // ── the park window forwards it to the main contact bank ──
  const park = await as(browser, "park.window");
  await park.goto("/park/queue");
  await park.getByRole("row").filter({ hasText: title }).getByRole("link").first().click();
  await park.waitForURL(`**${url}`);
  await park.getByRole("button", { name: "转交", exact: true }).click();
  await expect(park.getByText("已转银行，待签收").first()).toBeVisible();

  // ── the bank signs and answers ──
  const bank = await as(browser, "bank.liaison");
  await bank.goto("/bank/inbox");
  await bank.getByRole("row").filter({ hasText: title }).getByRole("link").first().click();
  await bank.waitForURL(`**${url}`);
  await bank.getByRole("button", { name: "签收", exact: true }).click();
  await expect(bank.getByText("已签收，办理中").first()).toBeVisible();
  await bank.getByLabel("答复意见").selectOption("CAN_DO");
  await bank.getByLabel("办理条件").fill("企业纳税信用等级B级以上，近两年无不良信用记录。");
  await bank.getByLabel("办理流程").fill("提交申请材料 → 实地调查 → 审批 → 签约放款。");
  await bank.getByRole("button", { name: "提交答复" }).click();
  await expect(bank.getByText("已答复，待评价").first()).toBeVisible();

  // ── the enterprise is dissatisfied: back to the same bank with a new deadline ──
  await enterprise.reload();
  await enterprise.getByLabel("不满意").check();
  await enterprise.getByLabel("评价意见（选填）").fill("希望提高授信额度并尽快放款。");
  await enterprise.getByRole("button", { name: "提交评价" }).click();
  await expect(enterprise.getByText("已签收，办理中").first()).toBeVisible();

  // ── the bank answers again: credit granted ──
  await bank.reload();
  await bank.getByLabel("答复意见").selectOption("GRANTED");
  await bank.getByLabel("授信/放款金额（万元）").fill("280");
  await bank.getByLabel("年利率（%）").fill("3.45");
  await bank.getByLabel("期限（月）").fill("24");
  await bank.getByLabel("贷款产品").fill("科技贷");
  await bank.getByLabel("授信日期").fill("2026-11-27");
  await bank.getByRole("button", { name: "提交答复" }).click();
  await expect(bank.getByText("已答复，待评价").first()).toBeVisible();

  // ── the enterprise is satisfied: closed ──
  await enterprise.reload();
  await enterprise.getByLabel("满意", { exact: true }).check();
  await enterprise.getByRole("button", { name: "提交评价" }).click();
  await expect(enterprise.getByText("已办结").first()).toBeVisible();

  // The timeline shows every step, in order.
  const steps = ["企业提交", "园区转交银行", "银行签收", "银行答复", "企业评价", "重新办理", "银行答复", "企业评价"];
  const items = await enterprise.getByTestId("timeline").getByRole("listitem").allTextContents();
  let from = 0;
  for (const step of steps) {
    const at = items.findIndex((text, i) => i >= from && text.includes(step));
    expect(at, `timeline has "${step}" after step ${from}: ${items.join(" | ")}`).toBeGreaterThanOrEqual(from);
    from = at + 1;
  }

  // The ledger itself: the same steps in order, chained by hashes.
  const ledger = await queryDemo<TChainedLedgerEntry & { content: unknown }>(
    `SELECT "requestId"::text AS "requestId", seq, action::text AS action, "actorUserId"::text AS "actorUserId",
            "actorOrgId"::text AS "actorOrgId", "fromStatus"::text AS "fromStatus", "toStatus"::text AS "toStatus",
            content, note, "occurredAt", "prevHash", hash
       FROM "LedgerEntry" WHERE "requestId" = $1 ORDER BY seq`,
    [requestId],
  );
  expect(ledger.map((e) => e.action)).toEqual(["SUBMIT", "FORWARD", "SIGN", "ANSWER", "RATE", "REOPEN", "ANSWER", "RATE"]);
  expect(verifyChain(ledger)).toBe(-1);
  const [row] = await queryDemo<{ status: string; rating: string; closeReason: string; loans: number }>(
    `SELECT status::text, rating::text, "closeReason"::text AS "closeReason",
            (SELECT count(*)::int FROM "LoanOutcome" l WHERE l."requestId" = r.id) AS loans
       FROM "Request" r WHERE id = $1`,
    [requestId],
  );
  expect(row).toEqual({ status: "CLOSED", rating: "SATISFIED", closeReason: "RATED", loans: 1 });
});
