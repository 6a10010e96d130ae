import { describe, expect, it } from "vitest";
import { buildWorkbook } from "@/lib/spreadsheet/xlsx";
import { sniffFileType, zipEntryNames } from "./sniff";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

/** A minimal stored (uncompressed, empty entries) ZIP with the given entry names, built by hand. */
function zip(names: string[]): Uint8Array {
  const out: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
  for (const name of names) {
    const n = [...new TextEncoder().encode(name)];
    const offset = out.length;
    // local file header: signature, version, flags, method, time, date, crc, sizes (all 0), name length, extra length
    u32(out, 0x04034b50);
    u16(out, 20);
    u16(out, 0);
    u16(out, 0);
    u16(out, 0);
    u16(out, 0);
    u32(out, 0);
    u32(out, 0);
    u32(out, 0);
    u16(out, n.length);
    u16(out, 0);
    out.push(...n);
    // central directory header (46 bytes + name)
    u32(central, 0x02014b50);
    u16(central, 20);
    u16(central, 20);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u32(central, 0);
    u32(central, 0);
    u32(central, 0);
    u16(central, n.length);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u32(central, 0);
    u32(central, offset);
    central.push(...n);
  }
  const cdOffset = out.length;
  out.push(...central);
  u32(out, 0x06054b50);
  u16(out, 0);
  u16(out, 0);
  u16(out, names.length);
  u16(out, names.length);
  u32(out, central.length);
  u32(out, cdOffset);
  u16(out, 0);
  return new Uint8Array(out);
}

describe("sniffFileType", () => {
  it("recognises a PDF by %PDF-", () => {
    expect(sniffFileType(bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"))?.kind).toBe("pdf");
    expect(sniffFileType(bytes("%PDF-1.7"))?.mimeType).toBe("application/pdf");
  });

  it("recognises PNG and JPEG by their signatures", () => {
    expect(sniffFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))?.mimeType).toBe("image/png");
    expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]))?.mimeType).toBe("image/jpeg");
  });

  it("recognises a real workbook written by exceljs as XLSX", async () => {
    const file = await buildWorkbook("表1", [{ header: "名称", value: (r: { n: string }) => r.n }], [{ n: "企业" }]);
    const sniffed = sniffFileType(new Uint8Array(file));
    expect(sniffed?.kind).toBe("xlsx");
    expect(sniffed?.mimeType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });

  it("recognises a hand-made ZIP with [Content_Types].xml and xl/ entries as XLSX", () => {
    const file = zip(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"]);
    expect(zipEntryNames(file)).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"]);
    expect(sniffFileType(file)?.kind).toBe("xlsx");
  });

  it("refuses a ZIP that is not a workbook (a .docx, a plain archive, a macro workbook)", () => {
    expect(sniffFileType(zip(["[Content_Types].xml", "word/document.xml"]))).toBeNull();
    expect(sniffFileType(zip(["readme.txt", "xl/fake.xml"]))).toBeNull();
    expect(sniffFileType(zip(["[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"]))).toBeNull();
  });

  it("refuses a ZIP whose central directory is truncated", () => {
    const file = zip(["[Content_Types].xml", "xl/workbook.xml"]);
    expect(sniffFileType(file.subarray(0, file.length - 30))).toBeNull();
  });

  it("refuses a Windows executable or plain text whatever the file is called", () => {
    // What a renamed "report.pdf" really contains: the name never reaches the sniffer.
    expect(sniffFileType(bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0], "This program cannot be run in DOS mode"))).toBeNull();
    expect(sniffFileType(bytes("这是一个文本文件，改名为 .pdf"))).toBeNull();
    expect(sniffFileType(bytes(" %PDF-1.4"))).toBeNull(); // the signature must be at the start
  });

  it("refuses an empty file and files shorter than a signature", () => {
    expect(sniffFileType(new Uint8Array())).toBeNull();
    expect(sniffFileType(bytes("%PDF"))).toBeNull();
    expect(sniffFileType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffFileType(bytes([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
  });
});
