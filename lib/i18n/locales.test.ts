import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALES, resolveLocale } from "./locales";
import { NAMESPACES, loadMessages } from "./messages/load";

function keysOf(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v !== null && typeof v === "object" ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const dir = path.join(import.meta.dirname, "messages");

describe("locales", () => {
  it("falls back to Chinese for anything unknown", () => {
    expect(resolveLocale("fr")).toBe(DEFAULT_LOCALE);
    expect(resolveLocale(undefined)).toBe("zh-CN");
    expect(resolveLocale("en")).toBe("en");
  });

  it("lists every message file, and every language has the same files", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(dir, locale)).map((f) => f.replace(/\.json$/, ""));
      expect(files.sort(), locale).toEqual([...NAMESPACES].sort());
    }
  });

  it("has the same message keys in every language, each file under its own namespace", async () => {
    const [zh, en] = await Promise.all([loadMessages("zh-CN"), loadMessages("en")]);
    expect(Object.keys(zh).sort()).toEqual([...NAMESPACES].sort());
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
  });

  it("has no empty messages", async () => {
    for (const locale of LOCALES) {
      const messages = await loadMessages(locale);
      for (const key of keysOf(messages)) {
        const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
        expect(value, `${locale} ${key}`).not.toBe("");
      }
    }
  });
});
