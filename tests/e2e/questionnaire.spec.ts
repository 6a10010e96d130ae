import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// The quarterly financing-monitoring questionnaire through the real UI: the demo
// enterprise finds the open questionnaire on its dashboard and answers it on the
// phone-sized form; the finance office sees the answer in the response rate and the
// export, then previews the quarter's ranking with questionnaire satisfaction scored and
// finds the enterprise's main bank's satisfaction in the preview.

async function as(browser: Browser, account: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await signInAs(page, account);
  return page;
}

test("an enterprise answers the open questionnaire and its satisfaction shows in the ranking preview", async ({ browser }) => {
  test.setTimeout(300_000);
  const [open] = await queryDemo<{ id: string; title: string; year: number; quarter: number }>(
    `SELECT id::text AS id, title, year, quarter FROM "Questionnaire" WHERE status = 'OPEN' ORDER BY "createdAt" DESC LIMIT 1`,
  );
  expect(open, "the demo data has an open questionnaire").toBeDefined();

  // ── the enterprise answers, on a phone ──
  const enterprise = await as(browser, "enterprise.owner", { width: 390, height: 844 });
  await enterprise.goto("/enterprise");
  const offer = enterprise.getByTestId("open-questionnaires");
  await expect(offer).toContainText(open!.title);
  await offer.getByRole("link", { name: /填写/ }).first().click();
  await enterprise.waitForURL(/\/questionnaires\/[0-9a-f-]{36}\/answer$/);
  await expect(enterprise.getByTestId("answer-bank")).toContainText("计入");
  // Submitting with the required satisfaction question unanswered is refused where it is.
  await enterprise.getByRole("radio", { name: "是", exact: true }).check();
  await enterprise.getByRole("button", { name: "提交问卷" }).click();
  await expect(enterprise.getByTestId("question-q3")).toHaveAttribute("aria-invalid", "true");
  await enterprise.getByRole("radio", { name: "5 · 非常满意" }).check();
  await enterprise.getByRole("checkbox", { name: "审批时间长" }).check();
  await enterprise.getByRole("button", { name: "提交问卷" }).click();
  await expect(enterprise.getByTestId("questionnaire-answered").first()).toBeVisible();
  await enterprise.goto("/enterprise");
  await expect(enterprise.getByTestId("open-questionnaires")).toContainText("已填写");

  // ── the finance office: response rate and export ──
  const finance = await as(browser, "finance.admin");
  await finance.goto("/questionnaires");
  await finance.getByRole("link", { name: open!.title }).click();
  await expect(finance.getByTestId("response-rate")).toContainText("回收率");
  const [mine] = await queryDemo<{ n: number }>(
    `SELECT count(*)::int AS n FROM "QuestionnaireResponse" r JOIN "Enterprise" e ON e.id = r."enterpriseId"
       JOIN "User" u ON u."orgId" = e."orgId" WHERE u.account = 'enterprise.owner' AND r."questionnaireId" = $1`,
    [open!.id],
  );
  expect(mine!.n).toBe(1);
  const file = await finance.request.get(`/questionnaires/${open!.id}/export`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toContain("spreadsheetml");

  // ── the ranking preview with questionnaire satisfaction scored ──
  const [bank] = await queryDemo<{ name: string; rated: number; satisfied: number }>(
    `SELECT o.name, sum(r.rated)::int AS rated, sum(r.satisfied)::int AS satisfied
       FROM "QuestionnaireResponse" r JOIN "Questionnaire" q ON q.id = r."questionnaireId"
       JOIN "Organization" o ON o.id = r."bankOrgId"
      WHERE q.year = $1 AND q.quarter = $2 AND q.status <> 'DRAFT'
        AND r."bankOrgId" = (SELECT x."bankOrgId" FROM "QuestionnaireResponse" x JOIN "Enterprise" e ON e.id = x."enterpriseId"
                              JOIN "User" u ON u."orgId" = e."orgId" WHERE u.account = 'enterprise.owner' AND x."questionnaireId" = $3)
      GROUP BY o.name`,
    [open!.year, open!.quarter, open!.id],
  );
  expect(bank, "the enterprise's answer counts for its park's main bank").toBeDefined();
  const percent = Math.round((bank!.satisfied / bank!.rated) * 10_000) / 100;
  const shown = `${new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 }).format(percent)}%`;

  const [ranking] = await queryDemo<{ id: string }>(
    `SELECT id::text AS id FROM "Ranking" WHERE period = 'QUARTER' AND year = $1 AND quarter = $2 ORDER BY "computedAt" DESC LIMIT 1`,
    [open!.year, open!.quarter],
  );
  expect(ranking, "the demo data has the quarter's draft ranking").toBeDefined();
  await finance.goto(`/rankings/${ranking!.id}`);
  await finance.locator("#preview-0-indicator").selectOption({ label: "问卷调查满意度" });
  await finance.getByRole("button", { name: "试算" }).click();
  const result = finance.getByTestId("preview-result");
  await expect(result.getByRole("columnheader", { name: "问卷调查满意度" })).toBeVisible();
  const row = result.getByRole("row").filter({ has: finance.getByRole("rowheader", { name: bank!.name, exact: true }) });
  await expect(row).toContainText(shown);
});
