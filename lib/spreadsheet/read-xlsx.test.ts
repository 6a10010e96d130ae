import { describe, expect, it } from "vitest";
import { xlsxBomb } from "@/tests/factories/xlsx-bomb";
import { readXlsxRecords, xlsxDirectoryProblem } from "./read-xlsx";
import { readZipDirectory, unpackProblem, XLSX_UNPACK_LIMITS } from "./zip-directory";

const MB = 1024 * 1024;
const SMALL = { maxEntries: 20, maxUnpackedBytes: 1 * MB };

describe("the ZIP directory of an uploaded workbook", () => {
  it("lists every entry with its declared sizes", () => {
    const entries = readZipDirectory(xlsxBomb({ unpackedBytes: 2 * MB }))!;
    expect(entries.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(sheet.method).toBe(8);
    expect(sheet.uncompressedSize).toBeGreaterThan(2 * MB);
    expect(sheet.compressedSize).toBeLessThan(64 * 1024);
  });

  it("is refused when it declares more unpacked bytes or more entries than allowed", () => {
    expect(unpackProblem(readZipDirectory(xlsxBomb({ unpackedBytes: 2 * MB }))!, SMALL)).toBe("unpackedTooLarge");
    expect(unpackProblem(readZipDirectory(xlsxBomb({ unpackedBytes: 10, extraEntries: 20 }))!, SMALL)).toBe("unpackedTooLarge");
    expect(unpackProblem(readZipDirectory(xlsxBomb({ unpackedBytes: 10 }))!, SMALL)).toBeNull();
    expect(xlsxDirectoryProblem(xlsxBomb({ unpackedBytes: 10, extraEntries: XLSX_UNPACK_LIMITS.maxEntries }))).toBe("unpackedTooLarge");
  });

  it("is unreadable when it is no ZIP at all", () => {
    expect(readZipDirectory(new TextEncoder().encode("统一社会信用代码,企业名称\r\n"))).toBeNull();
    expect(xlsxDirectoryProblem(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toBe("unreadable");
  });
});

describe("reading a workbook in a worker thread", () => {
  it("reads a workbook within the limits", async () => {
    const records = await readXlsxRecords(xlsxBomb({ unpackedBytes: 5 }), SMALL);
    expect(records).toEqual([{ rowNumber: 1, cells: ["AAAAA"] }]);
  });

  it("refuses before inflating when the directory declares too much", async () => {
    await expect(readXlsxRecords(xlsxBomb({ unpackedBytes: 2 * MB }), SMALL)).rejects.toMatchObject({ code: "unpackedTooLarge" });
  });

  it("stops inflating at the limit when the directory understates the sizes", async () => {
    const liar = xlsxBomb({ unpackedBytes: 2 * MB, declaredSheetBytes: 100 });
    expect(xlsxDirectoryProblem(liar, SMALL)).toBeNull();
    await expect(readXlsxRecords(liar, SMALL)).rejects.toMatchObject({ code: "unpackedTooLarge" });
  });

  it("calls a broken file unreadable", async () => {
    const broken = xlsxBomb({ unpackedBytes: 5 });
    broken.fill(0, 40, 80); // inside the first entry's deflated data
    await expect(readXlsxRecords(broken, SMALL)).rejects.toMatchObject({ code: "unreadable" });
  });
});
