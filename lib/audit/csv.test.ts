import { describe, expect, it } from "vitest";
import {
  AUDIT_CSV_COLUMNS,
  CSV_BOM,
  auditCsvHeader,
  auditCsvRecord,
  csvCell,
  csvLine,
  fileStamp,
  formatShanghaiTime,
  type TAuditCsvHeadings,
} from "./csv";

describe("csvCell (RFC 4180)", () => {
  it("leaves plain text alone and writes null/undefined as empty", () => {
    expect(csvCell("finance.admin")).toBe("finance.admin");
    expect(csvCell("周明远")).toBe("周明远");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(12n)).toBe("12");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("quotes fields with a comma, a quote, CR or LF, doubling quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell("line1\r\nline2")).toBe('"line1\r\nline2"');
    expect(csvCell('{"reason":"locked"}')).toBe('"{""reason"":""locked""}"');
  });

  it.each(["=1+1", "+86 138", "-2", "@SUM(A1)", "\tx", "\rx"])("neutralises a formula-like cell %j with a leading quote", (value) => {
    const cell = csvCell(value);
    expect(cell.replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it("quotes a neutralised cell when it also needs quoting", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("=a,b")).toBe(`"'=a,b"`);
  });

  it("does not touch a cell that only contains those characters later on", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("user@example.com")).toBe("user@example.com");
    expect(csvCell("2026-03-05 14:03:21")).toBe("2026-03-05 14:03:21");
  });
});

describe("csvLine", () => {
  it("joins with commas and ends with CRLF", () => {
    expect(csvLine(["a", null, "b,c"])).toBe('a,,"b,c"\r\n');
  });
});

describe("formatShanghaiTime", () => {
  it("shows the Asia/Shanghai wall clock, seconds included", () => {
    expect(formatShanghaiTime(new Date("2026-03-05T06:03:21.456Z"))).toBe("2026-03-05 14:03:21");
    // 16:30 UTC is already the next day in Shanghai.
    expect(formatShanghaiTime(new Date("2026-03-04T16:30:00Z"))).toBe("2026-03-05 00:30:00");
  });
});

describe("audit CSV", () => {
  const headings = Object.fromEntries(AUDIT_CSV_COLUMNS.map((c) => [c, `列${c}`])) as TAuditCsvHeadings;

  it("starts with the UTF-8 BOM and the heading line", () => {
    const header = auditCsvHeader(headings);
    expect(header.startsWith(CSV_BOM)).toBe(true);
    expect(new TextEncoder().encode(header).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(header.slice(1)).toBe(AUDIT_CSV_COLUMNS.map((c) => `列${c}`).join(",") + "\r\n");
  });

  it("writes one record per row, in the heading's order", () => {
    const line = auditCsvRecord({
      id: "7",
      occurredAt: new Date("2026-03-05T06:03:21Z"),
      actorAccount: "finance.admin",
      actorName: "周明远",
      orgName: "市地方金融管理局",
      action: "auth.signIn",
      actionLabel: "登录",
      targetType: "Session",
      targetId: "s-1",
      outcome: "SUCCESS",
      outcomeLabel: "成功",
      ip: "10.0.0.1",
      userAgent: "=cmd|' /C calc'!A0",
      details: { reason: "x,y" },
    });
    expect(line).toBe(
      `7,2026-03-05 14:03:21,finance.admin,周明远,市地方金融管理局,auth.signIn,登录,Session,s-1,成功,10.0.0.1,'=cmd|' /C calc'!A0,"{""reason"":""x,y""}"\r\n`,
    );
  });

  it("leaves empty details and missing actors empty", () => {
    const line = auditCsvRecord({
      id: "8",
      occurredAt: new Date("2026-03-05T06:03:21Z"),
      actorAccount: null,
      actorName: null,
      orgName: null,
      action: "auth.signIn",
      actionLabel: "登录",
      targetType: null,
      targetId: null,
      outcome: "FAILURE",
      outcomeLabel: "失败",
      ip: null,
      userAgent: null,
      details: {},
    });
    expect(line).toBe("8,2026-03-05 14:03:21,,,,auth.signIn,登录,,,失败,,,\r\n");
  });
});

describe("fileStamp", () => {
  it("is Shanghai wall-clock time, digits only around one dash", () => {
    expect(fileStamp(new Date("2026-03-05T06:03:21Z"))).toBe("20260305-140321");
  });
});
