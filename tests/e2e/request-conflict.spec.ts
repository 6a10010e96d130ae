import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// Two people answering the same item at once (here the demo liaison in two windows):
// the first answer is stored, the second sees "changed by someone else, reload" and
// nothing of it is stored.
test("a second answer to an item someone just answered is refused with the conflict message", async ({ browser }) => {
  test.setTimeout(180_000);
  const [item] = await queryDemo<{ id: string }>(
    `SELECT r.id::text AS id FROM "Request" r JOIN "User" u ON u."orgId" = r."assignedBankId"
      WHERE u.account = 'bank.liaison' AND r.status = 'SIGNED' ORDER BY r.serial DESC LIMIT 1`,
  );
  expect(item, "the demo liaison has a signed item").toBeTruthy();

  const first = await (await browser.newContext()).newPage();
  await signInAs(first, "bank.liaison");
  const second = await (await browser.newContext()).newPage();
  await signInAs(second, "bank.liaison");
  for (const page of [first, second]) await page.goto(`/requests/${item!.id}`);

  const answer = async (page: typeof first, conditions: string) => {
    await page.getByLabel("答复意见").selectOption("CAN_DO");
    await page.getByLabel("办理条件").fill(conditions);
    await page.getByLabel("办理流程").fill("提交申请材料 → 审批 → 放款。");
    await page.getByRole("button", { name: "提交答复" }).click();
  };
  await answer(first, "第一位答复人的办理条件");
  await expect(first.getByText("已答复，待评价").first()).toBeVisible();

  await answer(second, "第二位答复人的办理条件");
  await expect(second.getByTestId("version-conflict")).toContainText("该事项刚被其他人更新，请刷新页面后再操作。");

  const answers = await queryDemo<{ conditions: string }>(
    `SELECT content->>'conditions' AS conditions FROM "LedgerEntry" WHERE "requestId" = $1 AND action = 'ANSWER'
        AND "occurredAt" > now() - interval '10 minutes'`,
    [item!.id],
  );
  expect(answers).toEqual([{ conditions: "第一位答复人的办理条件" }]);
});
