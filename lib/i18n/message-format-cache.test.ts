import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { installMessageFormatCache } from "./message-format-cache";

describe("installMessageFormatCache", () => {
  it("parses a message once per locale and options, and formats exactly as before", () => {
    const before = new IntlMessageFormat("共 {count, number} 项，截至 {when}", "zh-CN").format({ count: 1234, when: "今天" });
    installMessageFormatCache();
    installMessageFormatCache();
    const message = "共 {count, number} 项，截至 {when}";
    const a = new IntlMessageFormat(message, "zh-CN");
    const b = new IntlMessageFormat(message, "zh-CN");
    expect(a.getAst()).toBe(b.getAst());
    expect(b.format({ count: 1234, when: "今天" })).toBe(before);
    expect(b.format({ count: 5, when: "明天" })).toBe("共 5 项，截至 明天");
    // Another locale, or options the parser reads, get their own parse.
    expect(new IntlMessageFormat(message, "en").getAst()).not.toBe(a.getAst());
    expect(new IntlMessageFormat("<b>{n}</b>", "zh-CN", undefined, { ignoreTag: true }).getAst()).not.toBe(
      new IntlMessageFormat("<b>{n}</b>", "zh-CN").getAst(),
    );
    expect(new IntlMessageFormat("<b>{n}</b>", "zh-CN", undefined, { ignoreTag: true }).format({ n: 1 })).toBe("<b>1</b>");
  });

  it("still refuses a message that does not parse, every time", () => {
    installMessageFormatCache();
    expect(() => new IntlMessageFormat("{count, plural, one {#}", "zh-CN")).toThrow();
    expect(() => new IntlMessageFormat("{count, plural, one {#}", "zh-CN")).toThrow();
  });

  it("resolves a locale once and gives the same answer", () => {
    installMessageFormatCache();
    expect(String(IntlMessageFormat.resolveLocale("zh-CN"))).toBe("zh-CN");
    expect(IntlMessageFormat.resolveLocale("zh-CN")).toBe(IntlMessageFormat.resolveLocale("zh-CN"));
    expect(String(IntlMessageFormat.resolveLocale(["en", "zh-CN"]))).toBe("en");
  });
});
