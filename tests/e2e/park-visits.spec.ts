import { expect, test, type Browser, type Page } from "@playwright/test";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { demoTotpSecret } from "@/lib/seed/credentials";
import { DEFAULT_SEED } from "@/lib/seed/generate";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// A half-yearly park visit through the real UI: the park window records it (led by the
// main bank's first responsible person, with the finance office taking part, one
// enterprise visited, two findings, a sign-in sheet), the main bank confirms it, the
// window turns one finding into the enterprise's item, forwards it like any other, and the
// item reaches the bank's inbox with the visit named as its source.

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

async function as(browser: Browser, account: string, totpSecret?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account, totpSecret ? { totpSecret } : {});
  return page;
}

test("the park window records a visit, the bank confirms it, a finding becomes an item in the bank's inbox", async ({ browser }) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const [main] = await queryDemo<{ bankOrgId: string; bankName: string; manager: string; president: string | null }>(
    `SELECT p."bankOrgId"::text AS "bankOrgId", b.name AS "bankName", m.account AS manager,
            (SELECT c."firstPersonName" FROM "BankContact" c WHERE c."bankOrgId" = p."bankOrgId"
              ORDER BY c."effectiveOn" DESC, c."filedAt" DESC LIMIT 1) AS president
       FROM "User" w JOIN "Park" k ON k."orgId" = w."orgId"
       JOIN "ParkBankPairing" p ON p."parkId" = k.id AND p.role = 'MAIN' AND p."endedAt" IS NULL
       JOIN "Organization" b ON b.id = p."bankOrgId"
       JOIN "User" m ON m."orgId" = p."bankOrgId" AND m.role = 'BANK_MANAGER' AND m.active
      WHERE w.account = 'park.window'
      ORDER BY p.year DESC, m.account LIMIT 1`,
  );
  const [enterprise] = await queryDemo<{ uscc: string; name: string }>(
    `SELECT e.uscc, e.name FROM "Enterprise" e JOIN "Park" k ON k.id = e."parkId" JOIN "User" w ON w."orgId" = k."orgId"
      WHERE w.account = 'park.window' AND e."registrationStatus" = 'APPROVED' ORDER BY e.uscc LIMIT 1`,
  );
  expect(main, "park.window's park has a main bank with a manager").toBeDefined();
  expect(enterprise).toBeDefined();
  const finding = `e2e 走访发现 ${stamp}：企业流动资金紧张`;

  // ── the park window records the visit ──
  const park = await as(browser, "park.window");
  await park.goto("/visits/new");
  await park.getByLabel("带队银行").selectOption(main!.bankOrgId);
  await park.getByLabel("走访日期").fill(shanghaiDateString(new Date()));
  await park.getByLabel("带队行长").fill(main!.president ?? "行长");
  await park.getByRole("checkbox", { name: "云溪市地方金融管理局" }).check();
  await park.getByLabel("走访企业（统一社会信用代码）").fill(enterprise!.uscc);
  await park.getByLabel("发现问题", { exact: true }).fill(`${finding}\n园区层面：缺少融资担保服务 ${stamp}`);
  await park.getByRole("button", { name: "提交记录" }).click();
  await expect(park.getByTestId("visit-recorded")).toBeVisible();
  await park.getByRole("link", { name: "查看走访记录" }).click();
  await park.waitForURL(/\/visits\/[0-9a-f-]{36}$/);
  const visitUrl = new URL(park.url()).pathname;
  await expect(park.getByTestId("visit-status")).toHaveText("待确认");
  await expect(park.getByTestId("leader-flag")).toHaveCount(main!.president ? 0 : 1);
  await park.getByLabel(/选择文件/).setInputFiles({ name: "签到表.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(park.getByRole("link", { name: "签到表.pdf" })).toBeVisible();
  // The park may not confirm its own record.
  await expect(park.getByTestId("confirm-visit")).toHaveCount(0);

  // ── the main bank confirms it ──
  // The demo has no second factor for bank managers; enrol one so the manager can sign in.
  const totpSecret = demoTotpSecret(DEFAULT_SEED, `e2e:${main!.manager}`);
  await queryDemo(`UPDATE "User" SET "totpSecret" = $1, "totpEnabledAt" = now(), "totpLastStep" = NULL WHERE account = $2`, [
    totpSecret,
    main!.manager,
  ]);
  const bank = await as(browser, main!.manager, totpSecret);
  await bank.goto(visitUrl);
  await bank.getByTestId("confirm-visit").getByRole("button", { name: "确认走访记录" }).click();
  await expect(bank.getByTestId("visit-status")).toHaveText("已确认");

  // ── the window turns the first finding into the enterprise's item and forwards it ──
  await park.goto(visitUrl);
  const first = park.getByTestId("visit-finding").filter({ hasText: finding });
  await first.getByText("转为企业问题清单条目").click();
  await first.getByLabel("所涉企业").selectOption({ label: enterprise!.name });
  await first.getByRole("button", { name: "转入问题清单" }).click();
  // The form's own link, or the page's once it is refreshed: the item's serial either way.
  const itemLink = first.getByRole("link", { name: /^RQ\d{4}-\d{6}$/ }).first();
  await expect(itemLink).toBeVisible();
  const serial = (await itemLink.textContent())!.trim();
  await itemLink.click();
  await park.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(park.getByTestId("source-visit")).toBeVisible();
  await park.getByRole("button", { name: "转交", exact: true }).click();
  await expect(park.getByText("已转银行，待签收").first()).toBeVisible();

  // ── the item is in the bank's inbox ──
  await bank.goto("/bank/inbox");
  await expect(bank.getByTestId(`inbox-row-${serial}`)).toBeVisible();
  // The visit page shows the finding's item and the park-level finding stays a record.
  await bank.goto(visitUrl);
  await expect(bank.getByTestId("finding-item")).toHaveText(serial);

  // ── the finance office's matrix shows the pairing visited this half-year ──
  const finance = await as(browser, "finance.admin");
  await finance.goto("/finance");
  const matrix = finance.getByTestId("visit-matrix");
  await expect(
    matrix.getByRole("row").filter({ hasText: "云溪高新技术产业开发区" }).getByTestId("visit-cell-visited").first(),
  ).toBeVisible();
});
