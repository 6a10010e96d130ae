import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/portal.json";
import zh from "@/lib/i18n/messages/zh-CN/portal.json";
import { PROGRAM_DOCUMENTS, findProgramDocument } from "./documents";

type TItems = Record<string, { title: string; docNumber: string; summary: string; rules: Record<string, string> }>;

describe("the program documents catalogue", () => {
  it("has unique slugs that are safe in a URL, and finds each by its slug", () => {
    const slugs = PROGRAM_DOCUMENTS.map((d) => d.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) {
      expect(slug).toMatch(/^[a-z0-9-]+$/);
      expect(findProgramDocument(slug)?.slug).toBe(slug);
    }
    expect(findProgramDocument("nope")).toBeNull();
    expect(findProgramDocument("")).toBeNull();
  });

  it("has a title, 文号, summary and every key rule in both languages, and no text for documents it does not list", () => {
    for (const [locale, messages] of [
      ["zh-CN", zh],
      ["en", en],
    ] as const) {
      const items = messages.portal.documents.items as TItems;
      expect(Object.keys(items).sort(), locale).toEqual(PROGRAM_DOCUMENTS.map((d) => d.slug).sort());
      for (const doc of PROGRAM_DOCUMENTS) {
        const item = items[doc.slug]!;
        for (const field of ["title", "docNumber", "summary"] as const) expect(item[field], `${locale} ${doc.slug}.${field}`).toBeTruthy();
        expect(Object.keys(item.rules).sort(), `${locale} ${doc.slug}`).toEqual([...doc.ruleKeys].sort());
      }
    }
  });

  // The seeds are the originals: the summaries must name the documents the way they do.
  it("cites line ranges of seed files by name, and the Chinese titles quote the seeds' 文号", () => {
    for (const doc of PROGRAM_DOCUMENTS) {
      expect(doc.source.file).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      expect(doc.source.lines).toMatch(/^\d+–\d+(, \d+–\d+)*$/);
    }
    const items = zh.portal.documents.items as TItems;
    expect(items["one-plus-one"]!.docNumber).toContain("濮政办〔20xx〕33号");
    expect(JSON.stringify(items["three-step-closure"])).toContain("云政办发﹝2022﹞42号");
    expect(JSON.stringify(items["financial-ecology"])).toContain("*府办函〔2023〕275号");
  });

  it("quotes 文号 that really are in the seed files (when the shared seeds are present)", () => {
    const seeds = path.resolve(__dirname, "../../../shared/seeds");
    if (!existsSync(seeds)) return; // a checkout without the shared folder beside it: the checks above still hold
    const text = PROGRAM_DOCUMENTS.map((d) => readFileSync(path.join(seeds, d.source.file), "utf8")).join("\n");
    for (const number of ["濮政办〔20xx〕33号", "云政办发﹝2022﹞42号", "*府办函〔2023〕275号", "長銀髮〔20xx〕136號"]) {
      expect(text, number).toContain(number);
    }
  });
});
