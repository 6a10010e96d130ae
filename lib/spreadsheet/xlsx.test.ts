import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildWorkbook } from "./xlsx";

describe("buildWorkbook", () => {
  it("writes a header row and the rows, with formulas neutralised", async () => {
    const file = await buildWorkbook(
      "园区",
      [{ header: "名称", value: (r: { name: string }) => r.name }],
      [{ name: "云溪高新区" }, { name: "=1+1" }],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("园区")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("名称");
    expect(sheet.getRow(2).getCell(1).value).toBe("云溪高新区");
    expect(sheet.getRow(3).getCell(1).value).toBe("'=1+1");
  });
});
