import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { installMessageFormatCache } from "./message-format-cache";
import { loadMessages } from "./messages/load";

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

  it("drops the named date and time styles, which no message uses; a message still formats as the locale's formatters do", async () => {
    const message = "截至 {when, date} 共 {count, number} 项，{count, plural, other {# 项}}";
    const when = new Date("2026-12-04T02:00:00Z");
    installMessageFormatCache();
    expect(Object.keys(IntlMessageFormat.formats.date)).toEqual([]);
    expect(Object.keys(IntlMessageFormat.formats.time)).toEqual([]);
    expect(Object.keys(IntlMessageFormat.formats.number).length).toBeGreaterThan(0);
    // A date without a style and the numbers format as the locale's Intl formatters do.
    expect(new IntlMessageFormat(message, "zh-CN").format({ when, count: 1234 })).toBe(
      `截至 ${new Intl.DateTimeFormat("zh-CN").format(when)} 共 1,234 项，1,234 项`,
    );

    // Every message of every language: no date or time argument names a style.
    type TNode = { type: number; style?: unknown; options?: Record<string, { value: TNode[] }>; children?: TNode[] };
    const DATE = 3;
    const TIME = 4;
    const named: string[] = [];
    const walk = (nodes: TNode[], key: string) => {
      for (const n of nodes) {
        if ((n.type === DATE || n.type === TIME) && typeof n.style === "string") named.push(`${key}: ${n.style}`);
        for (const option of Object.values(n.options ?? {})) walk(option.value, key);
        walk(n.children ?? [], key);
      }
    };
    const visit = (value: unknown, locale: string, key: string) => {
      if (typeof value === "string") walk(new IntlMessageFormat(value, locale, undefined, { ignoreTag: true }).getAst() as TNode[], key);
      else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, locale, key ? `${key}.${k}` : k);
    };
    for (const locale of LOCALES) visit(await loadMessages(locale), locale, "");
    expect(named).toEqual([]);
  });
});
