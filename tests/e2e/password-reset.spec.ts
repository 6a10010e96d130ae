import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { e2eInfoFile } from "@/scripts/e2e/info";
import { productionEnv, startNextServer, type TNextServer } from "@/scripts/e2e/next-start";
import { readMails, resetTokenIn } from "@/tests/support/read-mail";
import { queryDemo } from "./support/demo-data";

// 忘记密码 through the real pages: ask for a link, take it from the outbox (the .eml files
// the mail job writes; the e2e server runs no jobs, so this test runs the user's reset
// e-mail job itself, into a folder of its own), set a new password, sign in with it.
// Then the attacks: the same link again, and an expired one, sent to the real endpoint.

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const OLD_PASSWORD = "Harbor#Lantern2026";
const NEW_PASSWORD = "Bridge#Willow2027";

const e2eDatabaseUrl = () => (JSON.parse(readFileSync(e2eInfoFile(E2E_PORT), "utf8")) as { databaseUrl: string }).databaseUrl;

/** A user of a new enterprise (no second factor needed), with an e-mail address. */
async function createResetUser(): Promise<{ id: string; account: string }> {
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const [org] = await queryDemo<{ id: string }>(
    `INSERT INTO "Organization" (id, kind, name, "updatedAt") VALUES (gen_random_uuid(), 'ENTERPRISE', $1, now()) RETURNING id::text`,
    [`重置测试企业 ${tag}`],
  );
  const account = `reset.${tag}`;
  const [user] = await queryDemo<{ id: string }>(
    `INSERT INTO "User" (id, "orgId", role, account, name, email, "passwordHash", "recoveryCodes", "updatedAt")
     VALUES (gen_random_uuid(), $1::uuid, 'ENTERPRISE_OWNER', $2, $3, $4, $5, '{}', now()) RETURNING id::text`,
    [org!.id, account, `重置测试 ${tag}`, `${account}@example.invalid`, await hashPassword(OLD_PASSWORD)],
  );
  return { id: user!.id, account };
}

/** Runs the user's newest reset e-mail job as a worker would, and returns the link from the outbox. */
async function linkFromOutbox(userId: string, outbox: string, baseUrl: string): Promise<string> {
  const [reset] = await queryDemo<{ id: string }>(
    `SELECT id::text FROM "PasswordReset" WHERE "userId" = $1::uuid ORDER BY "createdAt" DESC LIMIT 1`,
    [userId],
  );
  expect(reset, "the request made a reset link").toBeTruthy();
  const job = spawnSync(process.execPath, ["--import", "tsx", "tests/support/send-reset-mail.ts", reset!.id, outbox, baseUrl], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
  });
  expect(job.stderr).toBe("");
  expect(job.stdout.trim()).toBe("sent");
  // The job is done: take it out of the queue (nothing runs it in the e2e server).
  await queryDemo(`DELETE FROM "Job" WHERE "dedupeKey" = $1`, [`password-reset:${reset!.id}`]);
  const mail = (await readMails(outbox)).find((m) => m.file.includes(reset!.id));
  expect(mail?.subject).toBe("融桥平台：重置密码");
  const token = resetTokenIn(mail!.text);
  return /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail!.text)?.[0] ?? `${baseUrl}/reset-password?token=${token}`;
}

async function askForLink(page: Page, account: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "忘记密码？" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "忘记密码" })).toBeVisible();
  await page.getByLabel("账号", { exact: true }).fill(account);
  await page.getByRole("button", { name: "发送重置链接" }).click();
  await expect(page.getByRole("status")).toContainText("如果该账号存在并登记了邮箱，重置链接已发送");
}

async function setNewPassword(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "设置新密码" })).toBeVisible();
  await page.getByLabel("新密码", { exact: true }).fill(password);
  await page.getByLabel("再次输入新密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "设置新密码" }).click();
}

test.describe("password reset by e-mailed link", () => {
  let outbox: string;
  test.beforeAll(async () => {
    outbox = await mkdtemp(path.join(os.tmpdir(), "rq-e2e-outbox-"));
  });
  test.afterAll(async () => {
    await rm(outbox, { recursive: true, force: true });
  });

  test("忘记密码 → the link from the outbox → a new password → signed in; the same link again is refused", async ({ page, baseURL }) => {
    const user = await createResetUser();
    await askForLink(page, user.account);
    const link = await linkFromOutbox(user.id, outbox, baseURL!);

    await setNewPassword(page, link, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/sign-in\?notice=passwordReset$/);
    await expect(page.getByRole("status")).toContainText("新密码已设置");
    await page.getByLabel("账号", { exact: true }).fill(user.account);
    await page.getByLabel("密码", { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);

    // Attack: replaying the used link (from the mailbox or the history) changes nothing.
    await page.context().clearCookies();
    await setNewPassword(page, link, "Stolen#Replay2027");
    await expect(page.locator("#main").getByRole("alert")).toContainText("此链接已失效");
    const [row] = await queryDemo<{ n: string }>(
      `SELECT count(*)::text AS n FROM "AuditLog" WHERE action = 'auth.passwordResetDone' AND "actorUserId" = $1::uuid`,
      [user.id],
    );
    expect(row!.n).toBe("1");
  });

  test("an expired link is refused and the old password stays", async ({ page, baseURL }) => {
    const user = await createResetUser();
    await askForLink(page, user.account);
    const link = await linkFromOutbox(user.id, outbox, baseURL!);
    // 31 minutes later, as far as the link is concerned.
    await queryDemo(`UPDATE "PasswordReset" SET "expiresAt" = now() - interval '1 minute' WHERE "userId" = $1::uuid`, [user.id]);
    await setNewPassword(page, link, NEW_PASSWORD);
    await expect(page.locator("#main").getByRole("alert")).toContainText("此链接已失效");
    await expect(page.locator("#main").getByRole("alert").getByRole("link", { name: "重新申请重置链接" })).toBeVisible();

    await page.goto("/sign-in");
    await page.getByLabel("账号", { exact: true }).fill(user.account);
    await page.getByLabel("密码", { exact: true }).fill(OLD_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
  });

  test("a locked owner who types the right password is told the account is locked and how to get back in", async ({ page }) => {
    const user = await createResetUser();
    await queryDemo(`UPDATE "User" SET "lockedUntil" = now() + interval '10 minutes' WHERE id = $1::uuid`, [user.id]);
    await page.goto("/sign-in");
    await page.getByLabel("账号", { exact: true }).fill(user.account);
    const password = page.getByLabel("密码", { exact: true });
    await password.fill("Wrong#Guess2026");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(password).toHaveAccessibleDescription(/账号或密码错误/);
    await password.fill(OLD_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(password).toHaveAccessibleDescription(/账号已被锁定.*忘记密码/);
  });
});

test.describe("the demo accounts panel", () => {
  test.describe.configure({ timeout: 240_000 });
  let server: TNextServer | undefined;
  test.afterAll(async () => {
    await server?.stop();
  });

  test("a demo server (DEMO_MODE=true) lists the demo accounts; `npm start` with production settings does not", async ({ page }) => {
    // The e2e server runs with DEMO_MODE=true (playwright.config.ts).
    await page.goto("/sign-in");
    await expect(page.getByRole("region", { name: "演示账号" })).toContainText("finance.admin");

    // The same build and database, started as `npm start` is: DEMO_MODE unset.
    server = await startNextServer({
      label: "no-demo",
      env: { ...productionEnv(e2eDatabaseUrl()), DEMO_MODE: "" },
      readyPath: "/api/health",
    });
    await page.goto(`${server.baseUrl}/sign-in`);
    await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
    await expect(page.getByRole("link", { name: "忘记密码？" })).toBeVisible();
    await expect(page.getByRole("region", { name: "演示账号" })).toHaveCount(0);
    const html = await (await fetch(`${server.baseUrl}/sign-in`)).text();
    expect(html).not.toContain("Rongqiao@2026");
    expect(html).not.toContain("finance.admin");
  });
});
