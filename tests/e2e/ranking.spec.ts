import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// The quarterly ranking through the browser: the finance office accepts a bank's quarterly submission,
// computes the third-quarter ranking, the finance office and the central bank review it,
// the finance office publishes it; the bulletin PDF carries the Chinese text and a bank
// sees the published ranking.

async function as(browser: Browser, account: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account);
  return page;
}

test("a quarter from submission to the published ranking and its bulletin", async ({ browser }) => {
  test.setTimeout(300_000);
  const finance = await as(browser, "finance.admin");

  // ── accept a submitted quarterly return: frozen ──
  const [submitted] = await queryDemo<{ id: string }>(
    `SELECT id::text AS id FROM "QuarterlySubmission" WHERE status = 'SUBMITTED' ORDER BY "submittedAt" LIMIT 1`,
  );
  expect(submitted, "the demo data has a submission awaiting review").toBeTruthy();
  await finance.goto(`/submissions/${submitted!.id}`);
  await finance.getByRole("button", { name: "接收报送" }).click();
  // The page reloads into its frozen view: the review form gives way to the status.
  await expect(finance.getByText("已接收（已冻结）").first()).toBeVisible();
  const [frozen] = await queryDemo<{ status: string; frozen: boolean }>(
    `SELECT status::text, "frozenAt" IS NOT NULL AS frozen FROM "QuarterlySubmission" WHERE id = $1`,
    [submitted!.id],
  );
  expect(frozen).toEqual({ status: "ACCEPTED", frozen: true });

  // ── compute Q3, review twice, publish ──
  await finance.goto("/rankings");
  const q3 = finance.getByTestId("quarter-3");
  await q3.getByRole("button", { name: /计算本季度排名|重新计算/ }).click();
  await expect(q3.getByRole("status")).toContainText("已计算");
  await finance.reload();
  await finance.getByTestId("quarter-3").getByRole("link", { name: "查看" }).click();
  await finance.waitForURL(/\/rankings\/[0-9a-f-]{36}$/);
  const rankingUrl = new URL(finance.url()).pathname;
  await expect(finance.getByRole("heading", { name: "得分与排名" })).toBeVisible();
  await finance.getByRole("button", { name: "审核通过" }).click();
  // Reviewed: the page shows it and offers no second review to the same office.
  await expect(finance.getByRole("button", { name: "审核通过" })).toHaveCount(0);
  await expect(finance.getByRole("button", { name: "发布排名" })).toBeDisabled();

  const pbc = await as(browser, "pbc.staff");
  await pbc.goto(rankingUrl);
  await pbc.getByRole("button", { name: "审核通过" }).click();
  await expect(pbc.getByRole("button", { name: "审核通过" })).toHaveCount(0);
  await expect(pbc.getByRole("button", { name: "发布排名" })).toHaveCount(0);

  await finance.reload();
  finance.once("dialog", (dialog) => void dialog.accept());
  await finance.getByRole("button", { name: "发布排名" }).click();
  await expect(finance.getByText(/已发布，数据冻结/)).toBeVisible();

  // ── the bulletin: a PDF whose text is the Chinese it should be ──
  const pdf = await finance.request.get(`${rankingUrl}/bulletin`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "bulletin-")), "bulletin.pdf");
  writeFileSync(file, await pdf.body());
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  expect(text).toContain("2026年第三季度");
  const [top] = await queryDemo<{ bank: string }>(
    `SELECT o.name AS bank FROM "RankingEntry" e JOIN "Organization" o ON o.id = e."bankOrgId"
      WHERE e."rankingId" = $1 AND e.rank = 1`,
    [rankingUrl.split("/").pop()],
  );
  expect(text.replace(/\s+/g, "")).toContain(top!.bank);

  // ── a bank sees the published ranking ──
  const bank = await as(browser, "bank.liaison");
  await bank.goto("/rankings");
  await bank.getByRole("link", { name: "2026年第三季度" }).first().click();
  await expect(bank.getByRole("heading", { name: "得分与排名" })).toBeVisible();
  await expect(bank.getByRole("button", { name: "审核通过" })).toHaveCount(0);
});
