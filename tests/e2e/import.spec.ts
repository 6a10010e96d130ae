import { expect, test } from "@playwright/test";
import { randomTag, sampleEnterpriseRows, toCsv, toXlsx } from "@/lib/import/sample";
import { xlsxBomb } from "@/tests/factories/xlsx-bomb";
import { signInAs } from "./support/auth";
import { queryDemo } from "./support/demo-data";

// Each file gets its own tag (the tag is part of the sample USCCs): two files with the same
// tag would collide on "already registered" — a 1-in-961 chance that once failed a run.
const usedTags = new Set<string>();
function freshTag(): string {
  let tag = randomTag();
  while (usedTags.has(tag)) tag = randomTag();
  usedTags.add(tag);
  return tag;
}

test.describe.serial("enterprise import", () => {
  test("the finance office imports a valid file, then a file with bad rows and sees the rows", async ({ page }) => {
    const [park] = await queryDemo<{ code: string }>(`SELECT code FROM "Park" ORDER BY code LIMIT 1`);
    await signInAs(page, "finance.admin");
    await page.goto("/import/enterprises");
    await expect(page.getByRole("heading", { level: 1, name: "批量导入企业" })).toBeVisible();

    // The template downloads as an .xlsx.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "下载导入模板（.xlsx）" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    const tag = freshTag();
    await page.getByLabel("导入文件").setInputFiles({
      name: "企业名单.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await toXlsx(sampleEnterpriseRows(5, park!.code, tag)),
    });
    await page.getByRole("button", { name: "上传并导入" }).click();
    await expect(page.getByText("导入成功：5 条记录已写入。")).toBeVisible({ timeout: 20_000 });
    const [imported] = await queryDemo<{ count: string }>(
      `SELECT count(*) FROM "Enterprise" WHERE name LIKE $1 AND "registrationStatus" = 'APPROVED'`,
      [`%测试有限公司${tag}%`],
    );
    expect(Number(imported?.count)).toBe(5);

    await page.getByRole("button", { name: "导入另一个文件" }).click();
    const bad = sampleEnterpriseRows(6, park!.code, freshTag());
    bad[2]![4] = "超大"; // row 3
    bad[5]![1] = ""; // row 6
    await page.getByLabel("导入文件").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: toCsv(bad) });
    await page.getByRole("button", { name: "上传并导入" }).click();
    await expect(page.getByRole("heading", { name: "文件有误，未导入任何数据" })).toBeVisible({ timeout: 20_000 });
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText("3");
    await expect(rows.nth(1)).toContainText("企业规模“超大”无效");
    await expect(rows.nth(2)).toContainText("6");
    await expect(rows.nth(2)).toContainText("“企业名称”必填");
    const [report] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载错误报告（.xlsx）" }).click()]);
    expect(report.suggestedFilename()).toBe("导入错误报告.xlsx");
  });

  test("the park window imports into its own park only", async ({ page }) => {
    const [own] = await queryDemo<{ id: string; code: string }>(
      `SELECT p.id, p.code FROM "Park" p JOIN "User" u ON u."orgId" = p."orgId" WHERE u.account = 'park.window'`,
    );
    const [other] = await queryDemo<{ code: string }>(`SELECT code FROM "Park" WHERE id <> $1 ORDER BY code LIMIT 1`, [own!.id]);
    await signInAs(page, "park.window");
    await page.goto("/import/enterprises");
    const rows = sampleEnterpriseRows(3, "", freshTag()); // blank park: the window's own
    rows[3]![2] = other!.code; // row 4: another park
    await page.getByLabel("导入文件").setInputFiles({ name: "park.csv", mimeType: "text/csv", buffer: toCsv(rows) });
    await page.getByRole("button", { name: "上传并导入" }).click();
    const table = page.getByRole("table");
    await expect(table.getByRole("row")).toHaveCount(2, { timeout: 20_000 });
    await expect(table.getByRole("row").nth(1)).toContainText("不是本园区");

    rows.pop();
    await page.getByRole("button", { name: "导入另一个文件" }).click();
    await page.getByLabel("导入文件").setInputFiles({ name: "park.csv", mimeType: "text/csv", buffer: toCsv(rows) });
    await page.getByRole("button", { name: "上传并导入" }).click();
    await expect(page.getByText("导入成功：2 条记录已写入。")).toBeVisible({ timeout: 20_000 });
  });

  test("a bank liaison gets no import page and no template", async ({ page }) => {
    await signInAs(page, "bank.liaison");
    await page.goto("/import/enterprises");
    await expect(page).not.toHaveURL(/\/import/);
    expect((await page.request.get("/import/enterprises/file")).status()).toBe(404);
  });
});

// A few hundred kilobytes of .xlsx that unpack to hundreds of megabytes, against the
// production build: refused at once from the ZIP's directory, or — when the directory
// understates the sizes — stopped while inflating in the worker thread, whose file the
// build must ship. Meanwhile the health check answers as usual.
test.describe("an import file that unpacks to hundreds of megabytes", () => {
  const MB = 1024 * 1024;

  async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const started = Date.now();
    const value = await run();
    return { value, ms: Date.now() - started };
  }

  test("is refused quickly while the server keeps answering", async ({ page }) => {
    await signInAs(page, "finance.admin");
    const post = (buffer: Buffer) =>
      page.request.post("/import/enterprises/file", {
        multipart: { file: { name: "企业名单.xlsx", mimeType: "application/octet-stream", buffer } },
      });

    const bomb = xlsxBomb({ unpackedBytes: 300 * MB });
    const [refused, health] = await Promise.all([
      timed(() => post(bomb)),
      new Promise((r) => setTimeout(r, 100)).then(() => timed(() => page.request.get("/api/health"))),
    ]);
    expect(refused.value.status()).toBe(413);
    expect(await refused.value.text()).toMatch(/解压/);
    expect(refused.ms).toBeLessThan(5000);
    expect(health.value.status()).toBe(200);
    expect(health.ms).toBeLessThan(2000);

    const liar = xlsxBomb({ unpackedBytes: 200 * MB, declaredSheetBytes: 1000 });
    const [stopped, healthMeanwhile] = await Promise.all([
      timed(async () => (await post(liar)).text()),
      new Promise((r) => setTimeout(r, 300)).then(() => timed(() => page.request.get("/api/health"))),
    ]);
    console.log(
      `unpack limits: refused in ${refused.ms} ms (health ${health.ms} ms); understated file stopped in ${stopped.ms} ms (health ${healthMeanwhile.ms} ms)`,
    );
    const result = JSON.parse(stopped.value.trim().split("\n").at(-1)!) as { fileError?: { code: string } };
    expect(result.fileError?.code).toBe("unpackedTooLarge");
    expect(stopped.ms).toBeLessThan(15_000);
    expect(healthMeanwhile.value.status()).toBe(200);
    expect(healthMeanwhile.ms).toBeLessThan(2000);
  });
});
