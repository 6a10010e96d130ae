import { describe, expect, it } from "vitest";
import { readSource, sourceFilesUnder } from "./source-files";

// People read moments in one style, formatDateTime's (lib/i18n/format.ts): "2026年12月8日
// 23:59" in Chinese, "2026-12-08 23:59" in English. A page that formats a time of day by
// hand drifts back to the machine notation "2026-12-08 23:59:59" beside "2026年12月8日"
// elsewhere, so the ways of doing so are kept out of the pages and components.
const AD_HOC: ReadonlyArray<readonly [RegExp, string]> = [
  [/toISOString\(\)\s*\.\s*(slice|substring|substr)\(\s*0\s*,\s*(1[3-9]|2\d)\s*\)/, "an ISO string cut to a time of day"],
  [/toISOString\(\)\s*\.\s*replace\(\s*["']T["']/, "an ISO string with its T replaced"],
  [/\btoLocale(Date|Time)String\(/, "toLocaleDateString / toLocaleTimeString"],
  [/\bIntl\.DateTimeFormat\b/, "an Intl.DateTimeFormat of its own"],
  [/\.get(UTC)?(Hours|Minutes|Seconds)\(\)/, "a time of day put together from its parts"],
  [/\bformatShanghaiTime\b/, "the CSV exports' machine notation"],
];

describe("date-times shown to people", () => {
  const files = [...sourceFilesUnder("app"), ...sourceFilesUnder("components")].filter((f) => !/\.test\.tsx?$/.test(f));

  it("are formatted by lib/i18n/format.ts, not by hand in app/ or components/", () => {
    const offences: string[] = [];
    for (const file of files) {
      const source = readSource(file);
      for (const [pattern, what] of AD_HOC) if (pattern.test(source)) offences.push(`${file}: ${what}`);
    }
    expect(offences).toEqual([]);
  });

  it("reads the files it checks", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain("app/(portal)/audit/page.tsx");
  });
});
