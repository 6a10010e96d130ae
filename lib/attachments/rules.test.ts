import { describe, expect, it } from "vitest";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { attachmentsEditable, contentDisposition, displayName, formatFileSize, isStoredName } from "./rules";
import { FILE_KINDS } from "./sniff";

describe("displayName", () => {
  it("keeps a Chinese name whose extension matches the content", () => {
    expect(displayName("营业执照.PDF", FILE_KINDS.pdf, "x")).toBe("营业执照.PDF");
    expect(displayName("照片.jpeg", FILE_KINDS.jpeg, "x")).toBe("照片.jpeg");
  });

  it("adds the real extension when the name claims another type", () => {
    expect(displayName("scan.pdf", FILE_KINDS.png, "x")).toBe("scan.pdf.png");
    expect(displayName("报表", FILE_KINDS.xlsx, "x")).toBe("报表.xlsx");
  });

  it("drops any path, control and bidi-override characters", () => {
    expect(displayName("C:\\fakepath\\..\\合同.pdf", FILE_KINDS.pdf, "x")).toBe("合同.pdf");
    expect(displayName("../../etc/passwd", FILE_KINDS.pdf, "x")).toBe("passwd.pdf");
    expect(displayName("a\u0000b\r\n.pdf", FILE_KINDS.pdf, "x")).toBe("ab.pdf");
    expect(displayName("invoice\u202Efdp.exe", FILE_KINDS.pdf, "x")).toBe("invoicefdp.exe.pdf");
  });

  it("uses the fallback for an empty or dot name, and caps the length keeping the extension", () => {
    expect(displayName("", FILE_KINDS.png, "attachment-1")).toBe("attachment-1.png");
    expect(displayName("..", FILE_KINDS.png, "attachment-1")).toBe("attachment-1.png");
    const long = displayName(`${"长".repeat(300)}.pdf`, FILE_KINDS.pdf, "x");
    expect(long.length).toBe(120);
    expect(long.endsWith(".pdf")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the RFC 5987 UTF-8 name", () => {
    expect(contentDisposition("营业执照.pdf")).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf`,
    );
  });

  it("escapes quotes, backslashes and the characters RFC 5987 does not allow bare", () => {
    const header = contentDisposition(`a"b\\c'(1)*!.pdf`);
    expect(header).toContain(`filename="a_b_c'(1)*!.pdf"`);
    expect(header).toContain(`filename*=UTF-8''a%22b%5Cc%27%281%29%2A%21.pdf`);
  });
});

describe("attachmentsEditable and isStoredName", () => {
  it("allows changes only on drafts and returned items", () => {
    const editable = Object.values(RequestStatus).filter(attachmentsEditable);
    expect(editable).toEqual([RequestStatus.DRAFT, RequestStatus.RETURNED]);
  });

  it("accepts only lower-case UUIDs as stored names", () => {
    expect(isStoredName("0b7e6f8c-1d2e-4f3a-9b8c-7d6e5f4a3b2c")).toBe(true);
    expect(isStoredName("../0b7e6f8c-1d2e-4f3a-9b8c-7d6e5f4a3b2c")).toBe(false);
    expect(isStoredName("0B7E6F8C-1D2E-4F3A-9B8C-7D6E5F4A3B2C")).toBe(false);
    expect(isStoredName("")).toBe(false);
  });
});

describe("formatFileSize", () => {
  it("shows KB below a megabyte and MB with one decimal above", () => {
    expect(formatFileSize(1)).toBe("1 KB");
    expect(formatFileSize(350 * 1024)).toBe("350 KB");
    expect(formatFileSize(10 * 1024 * 1024)).toBe("10.0 MB");
    expect(formatFileSize(2.44 * 1024 * 1024)).toBe("2.4 MB");
  });
});
