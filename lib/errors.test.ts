import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages/load";
import { AppError, ERROR_CODES, isErrorCode } from "./errors";

async function codeMessages(locale: (typeof LOCALES)[number]): Promise<Record<string, unknown>> {
  const messages = (await loadMessages(locale)) as { errors?: { codes?: Record<string, unknown> } };
  return messages.errors?.codes ?? {};
}

describe("error codes", () => {
  it("are unique", () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it.each(LOCALES)("every code has a message in %s, and no message is for a code that does not exist", async (locale) => {
    const codes = await codeMessages(locale);
    for (const code of ERROR_CODES) {
      expect(typeof codes[code], `${locale}: errors.codes.${code}`).toBe("string");
      expect((codes[code] as string).trim(), `${locale}: errors.codes.${code}`).not.toBe("");
    }
    expect(Object.keys(codes).sort()).toEqual([...ERROR_CODES].sort());
  });

  it("the two languages word each code differently (no message left untranslated)", async () => {
    const [zh, en] = await Promise.all([codeMessages("zh-CN"), codeMessages("en")]);
    for (const code of ERROR_CODES) expect(en[code], code).not.toBe(zh[code]);
  });

  it("tells a code from any other string", () => {
    expect(isErrorCode("conflict")).toBe(true);
    expect(isErrorCode("staleVersion")).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
    expect(new AppError("notFound").code).toBe("notFound");
  });
});
