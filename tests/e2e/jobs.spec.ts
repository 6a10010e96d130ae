import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

test.describe("failed background jobs", () => {
  test("the finance admin finds a failed job in the menu's 失败任务 page and retries it", async ({ page }) => {
    const [job] = await queryDemo<{ id: string }>(
      `INSERT INTO "Job" (kind, status, attempts, "lastError", "finishedAt")
       VALUES ('email.send', 'FAILED', 5, 'Error: SMTP 550 mailbox unavailable', now()) RETURNING id::text`,
    );
    await signInAs(page, "finance.admin");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("button", { name: "管理设置" }).click();
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "失败任务" }).click();
    await expect(page).toHaveURL(/\/jobs$/);
    await expect(page.getByRole("heading", { level: 1, name: "失败的后台任务" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "SMTP 550 mailbox unavailable" });
    await expect(row).toContainText("发送通知邮件");
    await row.getByRole("button", { name: `重试任务 ${job!.id}` }).click();
    await expect(page.getByRole("row").filter({ hasText: "SMTP 550 mailbox unavailable" })).toHaveCount(0);
    const [after] = await queryDemo<{ status: string; attempts: number }>(
      `SELECT status::text, attempts FROM "Job" WHERE id = $1::bigint`,
      [job!.id],
    );
    expect(after).toEqual({ status: "PENDING", attempts: 0 });
    // JOBS_IN_PROCESS=false in the e2e server: nothing runs it; take it out of the queue again.
    await queryDemo(`DELETE FROM "Job" WHERE id = $1::bigint`, [job!.id]);
  });
});
