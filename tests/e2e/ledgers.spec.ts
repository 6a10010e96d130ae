import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";

// The official ledgers' download links are real files: the park window's 问题清单 with the
// list's filters, and an accepted quarterly submission's 解决台账.
test.describe.serial("official ledgers", () => {
  test("park.window downloads its problem list with the list's filters, as Excel and as PDF", async ({ page }) => {
    await signInAs(page, "park.window");
    await page.goto("/requests?status=ANSWERED");
    const downloads = page.getByTestId("problem-list-downloads");
    const excel = downloads.getByRole("link", { name: "下载 Excel" });
    await expect(excel).toHaveAttribute("href", "/requests/problem-list/export?status=ANSWERED");
    const [xlsx] = await Promise.all([page.waitForEvent("download"), excel.click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^问题清单-.+-\d{8}\.xlsx$/);
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");

    const [pdf] = await Promise.all([page.waitForEvent("download"), downloads.getByRole("link", { name: "下载 PDF" }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
  });

  test("finance.admin downloads an accepted submission's resolution ledger from the submissions list", async ({ page }) => {
    await signInAs(page, "finance.admin");
    await page.goto("/submissions");
    const link = page.getByRole("link", { name: /^下载 Excel/ }).first();
    await expect(link).toBeVisible();
    const [xlsx] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^解决台账-.+\.xlsx$/);
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");
  });
});
