import { describe, expect, it } from "vitest";
import { decodeText, parseCsv } from "./csv";

const gb18030 = (s: string) => {
  // "统一社会信用代码,企业名称" encoded in GB18030 (GBK range), built from known code points.
  const table: Record<string, number[]> = { 中: [0xd6, 0xd0], 文: [0xce, 0xc4], ",": [0x2c], a: [0x61] };
  return Uint8Array.from([...s].flatMap((c) => table[c]!));
};

describe("decodeText", () => {
  it("strips a UTF-8 byte-order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("企业名称,园区")]);
    expect(decodeText(bytes)).toEqual({ text: "企业名称,园区", encoding: "utf-8" });
  });

  it("reads UTF-8 without a mark", () => {
    expect(decodeText(new TextEncoder().encode("中文,a"))).toEqual({ text: "中文,a", encoding: "utf-8" });
  });

  it("falls back to GB18030 when the bytes are not UTF-8", () => {
    expect(decodeText(gb18030("中文,a"))).toEqual({ text: "中文,a", encoding: "gb18030" });
  });

  it("reads UTF-16 with a mark", () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65]); // 中文 in UTF-16LE
    expect(decodeText(bytes)).toEqual({ text: "中文", encoding: "utf-16le" });
  });
});

describe("parseCsv", () => {
  it("numbers records as Excel does, skipping blank lines but keeping their number", () => {
    expect(parseCsv("a,b\r\n1,2\r\n\r\n3,4\n")).toEqual([
      { rowNumber: 1, cells: ["a", "b"] },
      { rowNumber: 2, cells: ["1", "2"] },
      { rowNumber: 4, cells: ["3", "4"] },
    ]);
  });

  it("handles quotes, doubled quotes, delimiters and line breaks inside quotes", () => {
    expect(parseCsv('name,note\n"云溪""精密"",有限公司","第一行\n第二行"\nx,y')).toEqual([
      { rowNumber: 1, cells: ["name", "note"] },
      { rowNumber: 2, cells: ['云溪"精密",有限公司', "第一行\n第二行"] },
      { rowNumber: 3, cells: ["x", "y"] },
    ]);
  });

  it("uses tabs when the header has tabs and no comma", () => {
    expect(parseCsv("a\tb\n1,5\t2")).toEqual([
      { rowNumber: 1, cells: ["a", "b"] },
      { rowNumber: 2, cells: ["1,5", "2"] },
    ]);
  });

  it("keeps a last record without a line break, and lone CRs end records", () => {
    expect(parseCsv("a\rb")).toEqual([
      { rowNumber: 1, cells: ["a"] },
      { rowNumber: 2, cells: ["b"] },
    ]);
  });
});
