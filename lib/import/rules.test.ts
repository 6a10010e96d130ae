import { describe, expect, it } from "vitest";
import { makeUscc } from "@/lib/registry/uscc";
import { isFiledLate } from "./mutations/import-contacts";
import { mapHeader, ENTERPRISE_COLUMNS, normalizeHeader } from "./columns";
import { buildErrorReport, buildTemplate } from "./files";
import {
  contactValidator,
  enterpriseValidator,
  existingContactErrors,
  existingUsccErrors,
  parseDate,
  parseEnterpriseSize,
  parseIndustrySection,
  sortErrors,
  type TEnterpriseDraft,
  type TRowError,
} from "./rules";
import { readSheet } from "./sheet";

let n = 0;
const rng = { next: () => (n = (n * 9301 + 49297) % 233280) / 233280 };
const PARKS = [
  { id: "p1", code: "YX-HT", name: "云溪高新技术产业开发区管理委员会", shortName: "云溪高新区" },
  { id: "p2", code: "YX-EC", name: "云溪经济开发区管理委员会", shortName: "云溪经开区" },
];
const HEADER = ["*统一社会信用代码", "*企业名称", "*所在园区", "*行业门类", "*企业规模", "联系人", "联系人手机号", "企业标签"];
const row = (rowNumber: number, cells: string[]) => ({ rowNumber, cells });

function runAll(rows: { rowNumber: number; cells: string[] }[], ownParkId: string | null = null) {
  const v = enterpriseValidator({ header: HEADER, rows }, { parks: PARKS, ownParkId });
  const drafts: TEnterpriseDraft[] = [];
  const errors: TRowError[] = [];
  for (const r of rows) {
    const out = v.check(r);
    if (out.draft) drafts.push(out.draft);
    errors.push(...out.errors);
  }
  return { fileError: v.fileError, drafts, errors };
}

describe("header", () => {
  it("ignores *, brackets, spaces and full-width forms, and knows aliases", () => {
    expect(normalizeHeader("*企业规模（大/中/小/微）")).toBe("企业规模");
    const map = mapHeader(["企业名称", "园区", " ＊统一社会信用代码 ", "规模", "行业"], ENTERPRISE_COLUMNS);
    expect(map.missing).toEqual([]);
    expect(map.index).toMatchObject({ name: 0, park: 1, uscc: 2, size: 3, industry: 4 });
  });

  it("names missing columns; the park column may be left out by park staff", () => {
    const v = enterpriseValidator({ header: ["企业名称"], rows: [row(2, ["x"])] }, { parks: PARKS, ownParkId: null });
    expect(v.fileError).toEqual({ code: "missingColumns", params: { columns: "统一社会信用代码、所在园区、行业门类、企业规模" } });
    const own = enterpriseValidator(
      { header: ["统一社会信用代码", "企业名称", "行业门类", "企业规模"], rows: [row(2, [])] },
      { parks: PARKS, ownParkId: "p1" },
    );
    expect(own.fileError).toBeNull();
  });
});

describe("enterprise rows", () => {
  it("accepts a good row with letters or names for industry and 大中小微 for size", () => {
    const uscc = makeUscc(rng);
    const { drafts, errors } = runAll([
      row(2, [
        uscc.toLowerCase(),
        "云溪精密机械有限公司",
        "云溪高新区",
        "C 制造业",
        "小",
        "赵一鸣",
        "138 1234 5678",
        "专精特新、高新技术企业",
      ]),
    ]);
    expect(errors).toEqual([]);
    expect(drafts[0]).toMatchObject({
      row: 2,
      uscc,
      parkId: "p1",
      industrySection: "C",
      size: "SMALL",
      contactMobile: "13812345678",
      tags: ["专精特新", "高新技术企业"],
    });
  });

  it("reports every problem of a row with the file's row number and column", () => {
    const bad = makeUscc(rng).slice(0, 17) + "0";
    const good = makeUscc(rng);
    const fixed = bad.slice(0, 17) === good.slice(0, 17) ? "" : bad;
    const { errors } = runAll([
      row(2, [good, "甲公司", "YX-EC", "I", "微"]),
      row(5, [fixed || "ABC", "", "不存在园区", "Z", "超大"]),
      row(6, [good, "乙公司", "云溪经济开发区", "信息传输、软件和信息技术服务业", "中型", "", "12345"]),
    ]);
    const rows = [...new Set(errors.map((e) => e.row))];
    expect(rows).toEqual([5, 6]);
    const codes5 = errors.filter((e) => e.row === 5).map((e) => e.code);
    expect(codes5).toEqual([expect.stringMatching(/^uscc_/), "required", "parkNotFound", "industryInvalid", "sizeInvalid"]);
    expect(errors.filter((e) => e.row === 6).map((e) => e.code)).toEqual(["duplicateInFile", "mobileInvalid"]);
    expect(errors.find((e) => e.code === "duplicateInFile")?.params).toMatchObject({ first: 2 });
    expect(errors[0]?.column).toBe("统一社会信用代码");
  });

  it("keeps park staff to their own park; a blank park means theirs", () => {
    const { drafts, errors } = runAll(
      [row(2, [makeUscc(rng), "甲", "", "C", "小"]), row(3, [makeUscc(rng), "乙", "云溪经开区", "C", "小"])],
      "p1",
    );
    expect(drafts.map((d) => d.parkId)).toEqual(["p1"]);
    expect(errors.map((e) => [e.row, e.code])).toEqual([[3, "notOwnPark"]]);
  });

  it("flags USCCs already in the database", () => {
    const { drafts } = runAll([row(2, [makeUscc(rng), "甲", "YX-HT", "C", "小"])]);
    expect(existingUsccErrors(drafts, new Set([drafts[0]!.uscc])).map((e) => [e.row, e.code])).toEqual([[2, "usccExists"]]);
  });

  it("parses sections and sizes strictly", () => {
    expect(parseIndustrySection("c")).toBe("C");
    expect(parseIndustrySection("C-制造业")).toBe("C");
    expect(parseIndustrySection("C 建筑业")).toBeNull();
    expect(parseIndustrySection("农、林、牧、渔业")).toBe("A");
    expect(parseIndustrySection("U")).toBeNull();
    expect(parseEnterpriseSize("微型企业")).toBe("MICRO");
    expect(parseEnterpriseSize("大中型")).toBeNull();
  });
});

describe("contact rows", () => {
  const BANKS = [
    { id: "b1", name: "中国工商银行云溪分行", shortName: "工行云溪分行" },
    { id: "b2", name: "云溪农村商业银行", shortName: "云溪农商行" },
    { id: "b3", name: "云溪农村商业银行城西支行", shortName: "云溪农商行" },
  ];
  const header = [
    "银行机构",
    "第一责任人姓名",
    "第一责任人职务",
    "第一责任人手机号",
    "第二责任人姓名",
    "第二责任人职务",
    "第二责任人手机号",
    "联系部门",
    "联络员姓名",
    "联络员手机号",
    "联络员办公电话",
    "生效日期",
  ];
  const good = (bank: string, date: string) => [
    bank,
    "王行长",
    "行长",
    "",
    "李副行长",
    "分管信贷副行长",
    "",
    "普惠金融事业部",
    "周联络",
    "13912345678",
    "0737-4123456",
    date,
  ];

  it("validates banks, required fields, phones and dates, and duplicates", () => {
    const rows = [
      row(2, good("中国工商银行云溪分行", "2026/3/1")),
      row(3, good("云溪农商行", "2026-03-01")),
      row(4, ["工行云溪分行", "", "行长", "", "李", "副行长", "", "部", "周", "", "", "2026-02-30"]),
      row(5, good("工行云溪分行", "2026年3月1日")),
    ];
    const v = contactValidator({ header, rows }, { banks: BANKS, today: "2026-03-10" });
    expect(v.fileError).toBeNull();
    const out = rows.map((r) => v.check(r));
    expect(out[0]!.draft).toMatchObject({
      bankOrgId: "b1",
      effectiveOn: "2026-03-01",
      liaisonMobile: "13912345678",
      liaisonPhone: "0737-4123456",
    });
    expect(out[1]!.errors.map((e) => e.code)).toEqual(["bankAmbiguous"]);
    expect(out[2]!.errors.map((e) => e.code)).toEqual(["required", "liaisonPhoneRequired", "dateInvalid"]);
    expect(out[3]!.errors.map((e) => [e.code, e.params?.first])).toEqual([["duplicateContactInFile", 2]]);
    expect(existingContactErrors([out[0]!.draft!], new Set(["b1|2026-03-01"])).map((e) => e.code)).toEqual(["contactExists"]);
  });

  it("parses dates in the usual Chinese ways", () => {
    expect(parseDate("2026.3.1")).toBe("2026-03-01");
    expect(parseDate("20260301")).toBe("2026-03-01");
    expect(parseDate("2026-03-01 00:00")).toBe("2026-03-01");
    expect(parseDate("2026-13-01")).toBeNull();
    expect(parseDate("3/1/2026")).toBeNull();
  });

  it("marks a filing late after 3 working days (2026: 清明 4/4–4/6 off)", () => {
    // Effective Thu 2026-04-02: Fri 4/3 (1), Tue 4/7 (2), Wed 4/8 (3), Thu 4/9 (4).
    expect(isFiledLate("2026-04-02", new Date("2026-04-08T09:00:00+08:00"))).toBe(false);
    expect(isFiledLate("2026-04-02", new Date("2026-04-09T09:00:00+08:00"))).toBe(true);
  });
});

describe("files", () => {
  const t = (key: string, params?: Record<string, string | number>) => (params ? `${key} ${JSON.stringify(params)}` : key);

  it("the template reads back as a header-only file with the Chinese headers", async () => {
    const file = await buildTemplate({ kind: "enterprises", parks: PARKS, ownPark: false }, t);
    const sheet = await readSheet("模板.xlsx", file);
    expect(sheet.header).toEqual(HEADER);
    expect(sheet.rows).toEqual([]);
  });

  it("reads an .xlsx with numbers and dates as text, rows numbered as in the file", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("x");
    ws.addRow(["生效日期", "手机"]);
    ws.addRow([]);
    ws.addRow([new Date(Date.UTC(2026, 2, 1)), 13812345678]);
    const sheet = await readSheet("a.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheet.rows).toEqual([{ rowNumber: 3, cells: ["2026-03-01", "13812345678"] }]);
  });

  it("the error report lists row, column and reason in file order", async () => {
    const errors = sortErrors([
      { row: 9, column: "企业规模", code: "sizeInvalid", params: { value: "超大" } },
      { row: 3, column: "企业名称", code: "required" },
    ]);
    const report = await buildErrorReport({ fileError: null, errors }, t);
    const sheet = await readSheet("r.xlsx", report);
    expect(sheet.header).toEqual(["report.row", "report.column", "report.reason"]);
    expect(sheet.rows.map((r) => r.cells.slice(0, 2))).toEqual([
      ["3", "企业名称"],
      ["9", "企业规模"],
    ]);
  });
});
