import { expect, test, type Page } from "@playwright/test";
import { demoTotpSecret } from "@/lib/seed/credentials";
import { DEFAULT_SEED } from "@/lib/seed/generate";
import { signInAs } from "./support/auth";
import { queryDemo, serverActionId } from "./support/demo-data";

// A pairing change after the lock fails for everyone but a
// finance office administrator, through the page and through the server action called
// directly. The demo program's implementation phase started on April 1st, so the demo's
// pairings are locked.

const LOCKED = "结对关系已在实施阶段开始时锁定，如需调整请联系金融办管理员并说明理由";
const REASON_REQUIRED = "结对关系已锁定，调整须填写变更理由（至少 5 个字）。";
const REASON = "主联系银行机构调整，经领导小组同意";

const ACTIONS = "app/(portal)/pairings/actions.ts";

async function postAction(page: Page, exportedName: string, input: Record<string, string>): Promise<string> {
  const response = await page.request.post("/pairings", {
    headers: {
      "Next-Action": serverActionId(ACTIONS, exportedName),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
    },
    data: JSON.stringify([input]),
  });
  expect(response.status()).toBeLessThan(500);
  return response.text();
}

type TOneOnOne = { id: string; enterprise: string };

/** A current 1+1 pairing of one of the bank's sub-branches. */
async function oneOnOneOf(bankAccount: string, offset = 0): Promise<TOneOnOne> {
  const [row] = await queryDemo<TOneOnOne>(
    `SELECT p.id, e.name AS enterprise FROM "EnterpriseBankPairing" p
       JOIN "Organization" b ON b.id = p."bankOrgId"
       JOIN "User" u ON u."orgId" = b."parentId" AND u.account = $1
       JOIN "Enterprise" e ON e.id = p."enterpriseId"
     WHERE p."endedAt" IS NULL ORDER BY p.id OFFSET $2 LIMIT 1`,
    [bankAccount, offset],
  );
  expect(row).toBeTruthy();
  return row!;
}

async function isActive(pairingId: string): Promise<boolean> {
  const [row] = await queryDemo<{ active: boolean }>(`SELECT "endedAt" IS NULL AS active FROM "EnterpriseBankPairing" WHERE id = $1`, [
    pairingId,
  ]);
  return row!.active;
}

test("a bank manager cannot change a 1+1 pairing after the lock, on the page or by calling the action", async ({ page }) => {
  // The demo has no second factor for bank managers; enrol one so the manager can sign in.
  const account = "icbc.manager";
  const totpSecret = demoTotpSecret(DEFAULT_SEED, `e2e:${account}`);
  await queryDemo(`UPDATE "User" SET "totpSecret" = $1, "totpEnabledAt" = now(), "totpLastStep" = NULL WHERE account = $2`, [
    totpSecret,
    account,
  ]);
  const pairing = await oneOnOneOf(account);
  await signInAs(page, account, { totpSecret });

  await page.goto("/pairings");
  await expect(page.getByRole("heading", { level: 1, name: "结对关系" })).toBeVisible();
  await expect(page.getByTestId("pairings-locked")).toContainText(LOCKED);
  const row = page.getByTestId(`one-on-one-${pairing.id}`);
  await row.getByLabel("变更理由").fill(REASON);
  await row.getByRole("button", { name: /结束结对/ }).click();
  await expect(row.getByRole("alert")).toHaveText(LOCKED);

  const body = await postAction(page, "endOneOnOneAction", { pairingId: pairing.id, reason: REASON });
  expect(body).toContain('"error":"pairingsLocked"');
  expect(await isActive(pairing.id)).toBe(true);
});

test("a bank liaison sees the lock and cannot call the change actions", async ({ page }) => {
  const pairing = await oneOnOneOf("icbc.manager", 1);
  const [park] = await queryDemo<{ parkId: string; bankOrgId: string }>(
    `SELECT p.id AS "parkId", b.id AS "bankOrgId" FROM "Park" p, "Organization" b WHERE b.kind = 'BANK' ORDER BY p.code, b.name LIMIT 1`,
  );
  await signInAs(page, "bank.liaison");
  await page.goto("/pairings");
  await expect(page.getByTestId("pairings-locked")).toContainText(LOCKED);
  await expect(page.getByRole("button", { name: /结束结对|设为主联系银行|移除/ })).toHaveCount(0);

  expect(await postAction(page, "endOneOnOneAction", { pairingId: pairing.id, reason: REASON })).toContain('"error":"forbidden"');
  expect(await postAction(page, "setMainBankAction", { parkId: park!.parkId, bankOrgId: park!.bankOrgId, reason: REASON })).toContain(
    '"error":"forbidden"',
  );
  expect(await isActive(pairing.id)).toBe(true);
});

test("the finance office administrator needs a reason after the lock, and with one the change is made", async ({ page }) => {
  const [target] = await queryDemo<{ parkId: string; park: string; bankOrgId: string; bank: string }>(
    `SELECT p.id AS "parkId", COALESCE(po."shortName", po.name) AS park, b.id AS "bankOrgId", b.name AS bank
       FROM "Park" p JOIN "Organization" po ON po.id = p."orgId", "Organization" b
      WHERE b.kind = 'BANK' AND b."bankLevel" <> 'SUB_BRANCH'
        AND NOT EXISTS (SELECT 1 FROM "ParkBankPairing" x WHERE x."parkId" = p.id AND x."bankOrgId" = b.id)
      -- Not park no. 1: the demo enterprise's requests go through its main bank (request-lifecycle.spec).
      ORDER BY p.code DESC, b.name LIMIT 1`,
  );
  expect(target).toBeTruthy();
  await signInAs(page, "finance.admin");
  await page.goto("/pairings");
  await expect(page.getByTestId("pairings-locked")).toContainText(LOCKED);

  // Through the page: no reason → refused; with a reason → saved and shown.
  const form = page.getByTestId("form-setMain");
  await form.getByLabel("园区").selectOption({ label: target!.park });
  await form.getByLabel("银行机构").selectOption({ label: target!.bank });
  await form.getByRole("button", { name: "设为主联系银行" }).click();
  await expect(form.getByText(REASON_REQUIRED)).toBeVisible();
  await expect(page.getByTestId(`park-row-${target!.parkId}`).getByTestId("main-bank")).not.toHaveText(target!.bank);
  await form.getByLabel("变更理由").fill(REASON);
  await form.getByRole("button", { name: "设为主联系银行" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存。");
  await expect(page.getByTestId(`park-row-${target!.parkId}`).getByTestId("main-bank")).toHaveText(target!.bank);
  const [audit] = await queryDemo<{ n: string }>(
    `SELECT count(*)::text AS n FROM "AuditLog" WHERE action = 'pairings.changedAfterLock' AND details->>'reason' = $1 AND details->>'parkId' = $2`,
    [REASON, target!.parkId],
  );
  expect(audit!.n).toBe("1");

  // Through the action called directly: the same rule.
  const pairing = await oneOnOneOf("abc.manager");
  expect(await postAction(page, "endOneOnOneAction", { pairingId: pairing.id })).toContain('"reason":"reasonRequired"');
  expect(await postAction(page, "endOneOnOneAction", { pairingId: pairing.id, reason: "短" })).toContain('"reason":"reasonRequired"');
  expect(await isActive(pairing.id)).toBe(true);
  expect(await postAction(page, "endOneOnOneAction", { pairingId: pairing.id, reason: REASON })).toContain('"ok":true');
  expect(await isActive(pairing.id)).toBe(false);
});
