/**
 * The program documents the public portal summarises (政策文件). The originals are the
 * seed texts in the shared domain folder; each entry names the file and the lines its
 * summary and key rules come from, so a reader (or a reviewer) can check every rule
 * against the source. Titles, 文号, issuers, summaries and rules are user-facing text and
 * live in the "portal" messages under documents.items.<slug>; a unit test checks that
 * every slug and rule here has its text in every language.
 */

export type TSeedCitation = { file: string; lines: string };

export type TProgramDocument = {
  slug: string;
  /** Where the summary comes from: seed file and line range. */
  source: TSeedCitation;
  /** Keys of its key rules, in reading order (portal.documents.items.<slug>.rules.<key>). */
  ruleKeys: readonly string[];
};

export const PROGRAM_DOCUMENTS: readonly TProgramDocument[] = [
  {
    slug: "liangjin-liangcu",
    source: { file: "001_89d93d6e5b10964d.txt", lines: "347–455" },
    ruleKeys: ["pairing", "replyDeadline", "ledger", "contacts", "window", "quarterly", "halfYear", "yearly", "phases"],
  },
  {
    slug: "one-plus-one",
    source: { file: "000_ee2bcb777ee64370.txt", lines: "127–141" },
    ruleKeys: ["pairing", "manager", "monthly", "classes", "assessment"],
  },
  {
    slug: "three-step-closure",
    source: { file: "000_ee2bcb777ee64370.txt", lines: "43–65" },
    ruleKeys: ["closure", "listManagement", "leaders", "evaluation"],
  },
  {
    slug: "financial-ecology",
    source: { file: "003_e2384d0172e41434.txt", lines: "1–64" },
    ruleKeys: ["weights", "threshold", "tiers", "floor"],
  },
  {
    slug: "private-enterprise-finance",
    source: { file: "004_7def8b4073ecbbf5.txt", lines: "1–4, 92–110" },
    ruleKeys: ["credit", "cost", "renewal", "matching"],
  },
] as const;

export function findProgramDocument(slug: string): TProgramDocument | null {
  return PROGRAM_DOCUMENTS.find((d) => d.slug === slug) ?? null;
}
