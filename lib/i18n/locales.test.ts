import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import zh from "./messages/zh-CN.json";
import { DEFAULT_LOCALE, resolveLocale } from "./locales";

function keysOf(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v !== null && typeof v === "object" ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("locales", () => {
  it("falls back to Chinese for anything unknown", () => {
    expect(resolveLocale("fr")).toBe(DEFAULT_LOCALE);
    expect(resolveLocale(undefined)).toBe("zh-CN");
    expect(resolveLocale("en")).toBe("en");
  });

  it("has the same message keys in every language", () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
  });

  it("has no empty messages", () => {
    for (const messages of [zh, en]) {
      for (const key of keysOf(messages)) {
        const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
        expect(value, key).not.toBe("");
      }
    }
  });
});
