/**
 * Every action name the code writes to the audit log has a label under "audit.actions" in
 * every language, so the audit page and its CSV export show words, not raw ids such as
 * "requests.answer". The names are read from the source:
 *   - `action: "x.y"` (also `action: cond ? "x.y" : "x.z"` and `const action = …`) in the
 *     events given to writeAudit and to the helpers that build them;
 *   - `audit(…, "x.y", …)`: the helpers that take the name as an argument;
 *   - `defineAction({ name: "x.y" })` and `defineRoute({ name: "x.y" })`: audited under
 *     "denied.<name>" when refused, which the page labels through the name's own label.
 * A name is looked up as next-intl does, each dot one level deeper.
 */
import { describe, expect, it } from "vitest";
import { readSource, sourceFilesUnder } from "./source-files";

const DOTTED = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;

const SOURCES: readonly RegExp[] = [
  /\baction\s*[:=]\s*(?:[^,;{}()\n?]*\?\s*)?"([^"]+)"(?:\s*:\s*"([^"]+)")?/g,
  /\baudit\(\s*(?:[\w.]+\s*,\s*)*"([^"]+)"/g,
  /\bdefine(?:Action|Route)\(\s*\{\s*name:\s*"([^"]+)"/g,
];

const SOURCE_FILES = () => ["lib", "app"].flatMap((folder) => sourceFilesUnder(folder)).filter((rel) => !rel.endsWith(".test.ts"));

function auditedNames(): string[] {
  const names = new Set<string>();
  for (const rel of SOURCE_FILES()) {
    const text = readSource(rel);
    for (const pattern of SOURCES) {
      for (const match of text.matchAll(pattern)) {
        for (const name of match.slice(1)) {
          if (name && DOTTED.test(name) && !name.startsWith("denied.")) names.add(name);
        }
      }
    }
  }
  return [...names].sort();
}

function labelOf(messages: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (node, part) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
      messages,
    );
}

const LOCALES = ["zh-CN", "en"] as const;

describe("audit action labels", () => {
  const names = auditedNames();

  it("finds the audited action names in the source", () => {
    expect(names.length).toBeGreaterThanOrEqual(100);
    expect(names).toEqual(
      expect.arrayContaining([
        "auth.signIn",
        "users.sendResetLink",
        "registry.banks.update",
        "submissions.accept",
        "rankings.bulletinDownloaded",
      ]),
    );
  });

  it("reads the name of every defineAction and defineRoute call", () => {
    const texts = SOURCE_FILES().map((rel) => readSource(rel));
    const calls = texts.flatMap((text) => text.match(/\bdefine(?:Action|Route)\(/g) ?? []);
    const named = texts.flatMap((text) => text.match(/\bdefine(?:Action|Route)\(\s*\{\s*name:\s*"[^"]+"/g) ?? []);
    expect(calls.length).toBeGreaterThan(50);
    expect(named.length).toBe(calls.length);
  });

  for (const locale of LOCALES) {
    it(`has a label for every one in ${locale}`, () => {
      const messages: unknown = JSON.parse(readSource(`lib/i18n/messages/${locale}/audit.json`));
      const missing = names.filter((name) => typeof labelOf(messages, `audit.actions.${name}`) !== "string");
      expect(missing).toEqual([]);
    });
  }
});
