/**
 * Nothing a user typed is lost silently. Three halves of one promise:
 *  - the server refuses over-long text: every field of every server action's schema,
 *    given 100,001 characters (alone, or as the one item of a list), answers with an issue
 *    on that field, so no text reaches a mutation that would have to cut it;
 *  - the UI shows the limit: every free-text field of a form (TextField, TextAreaField)
 *    names a maxLength, which the design system shows as a count and never gives to the
 *    browser (a maxlength attribute cuts a paste at the limit without a word);
 *  - no cutting comes back: `.slice(0, N)` / `.substring(0, N)` with a long limit is found
 *    in the source and must be one of the reviewed cases below, none of them text a
 *    person typed into a form.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { fieldNames, shapeOf, type TShape } from "@/tests/support/fuzz-inputs";
import { loadServerActions, type TFoundAction } from "@/tests/support/server-actions";
import { readSource, sourceFilesUnder } from "./source-files";

const HUGE = "贷".repeat(100_001);

// A posted field the schema reads under another name (the request form's "other products" box).
const READ_AS: Record<string, string> = { preferredProductsOther: "preferredProducts" };

// Fields read only beside another: a new request has no version to check.
const READ_WITH: Record<string, string> = { "saveRequestAction.version": "requestId" };

// Each option of a union with its fields and the value that selects it (a discriminated
// union needs its "kind" to reach the fields).
function variants(shape: TShape): { fixed: Record<string, unknown>; fields: string[] }[] {
  if (shape.kind === "union") return shape.options.flatMap(variants);
  const fixed: Record<string, unknown> = {};
  if (shape.kind === "object")
    for (const [key, field] of Object.entries(shape.fields))
      if (field.kind === "choice" && field.values.length === 1) fixed[key] = field.values[0];
  return [{ fixed, fields: fieldNames(shape).filter((f) => !(f in fixed)) }];
}

let actions: TFoundAction[] = [];
beforeAll(async () => {
  actions = await loadServerActions();
}, 120_000);

describe("the server refuses over-long text", () => {
  it("finds the server actions", () => {
    expect(actions.length).toBeGreaterThan(40);
  });

  it("on every field of every server action, instead of cutting it", () => {
    const accepted: string[] = [];
    for (const { file, exportName, action } of actions) {
      for (const { fixed: base, fields } of variants(shapeOf(action.schema))) {
        for (const field of fields) {
          if (`${exportName}.${field}` in READ_WITH) continue;
          for (const value of [HUGE, [HUGE]]) {
            const result = action.schema.safeParse({ ...base, [field]: value });
            const blamed = (result.error?.issues ?? []).some((issue) => String(issue.path[0]) === (READ_AS[field] ?? field));
            if (!blamed) accepted.push(`${file}#${exportName}.${field} (${Array.isArray(value) ? "list" : "text"})`);
          }
        }
      }
    }
    expect(accepted).toEqual([]);
  });
});

const FORM_FILES = [...sourceFilesUnder("app"), ...sourceFilesUnder("components")].filter((rel) => rel.endsWith(".tsx"));

/** The JSX opening tags of a component in a file, attributes and all. */
function tags(source: string, component: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${component}\\b`, "g");
  for (const m of source.matchAll(re)) {
    let depth = 0;
    let i = m.index! + 1;
    for (; i < source.length; i++) {
      const c = source[i];
      if (c === "{") depth++;
      else if (c === "}") depth--;
      else if (c === ">" && depth === 0 && source[i - 1] !== "=") break;
    }
    out.push(source.slice(m.index!, i + 1));
  }
  return out;
}

// Not free text: the browser's own pickers, secrets (a count beside a password says nothing
// useful), sign-in names and one-time codes (a count would make a refusal's page differ
// with what was typed), numbers (refused by their format, not their length) and fields
// shown read-only.
const NOT_FREE_TEXT =
  /\btype="(date|password|number|hidden|file|checkbox|radio)"|\binputMode="(decimal|numeric)"|autoComplete="(one-time-code|username)"|\breadOnly\b/;

describe("the forms show every text limit", () => {
  it("every TextField and TextAreaField of free text names its maxLength (shown as a count)", () => {
    const unlimited: string[] = [];
    let seen = 0;
    for (const rel of FORM_FILES) {
      const source = readSource(rel);
      for (const tag of [...tags(source, "TextField"), ...tags(source, "TextAreaField")]) {
        seen++;
        if (
          NOT_FREE_TEXT.test(tag) ||
          /\bmaxLength=\{/.test(tag) ||
          /\{\.\.\.\w+\}/.test(tag.replace(/\{\.\.\.(fields|bind)\b[^}]*\}/g, ""))
        )
          continue;
        unlimited.push(`${rel}: ${tag.split("\n").slice(0, 3).join(" ").replace(/\s+/g, " ")}`);
      }
    }
    expect(seen).toBeGreaterThan(60);
    expect(unlimited).toEqual([]);
  });

  it("no raw <input> or <textarea> outside the design system carries a maxLength (it would cut pastes)", () => {
    const cutting: string[] = [];
    for (const rel of FORM_FILES) {
      const source = readSource(rel);
      for (const tag of [...tags(source, "input"), ...tags(source, "textarea")])
        if (/\bmaxLength\b/.test(tag)) cutting.push(`${rel}: ${tag.slice(0, 80)}`);
    }
    expect(cutting).toEqual([]);
  });
});

/**
 * Reviewed truncations: each cuts text no person typed into a form field, or only what is
 * logged or displayed, never what is stored as their words. "file:expression" → why.
 */
const REVIEWED_CUTS: Record<string, string> = {
  "lib/server/statement-names.ts:.slice(0, 32)": "a hash's hex digest shortened into a statement name",
  "lib/server/serve-request.ts:.slice(0, 200)": "the request path in a log line",
  "lib/jobs/rules.ts:.slice(0, 1997)": "a job's error message, written by the code, kept on the job row",
  "lib/audit/mutations/write-audit.ts:.slice(0, 400)": "the browser's User-Agent header kept for audit, not typed by anyone",
  "lib/pagination/keyset.ts:.slice(0, MAX_TOKEN + 1)":
    "a paging cursor from the URL: longer than any real one, so it is refused as malformed",
  "lib/attachments/rules.ts:.slice(0, MAX_NAME_LENGTH - suffix.length)":
    "an uploaded file's own name, shortened for the download header; the bytes are kept whole",
  "lib/attachments/mutations/s3-attachment-store.ts:.slice(0, 300)": "a storage service's error body in an exception message",
  "lib/import/mutations/import-contacts.ts:.slice(0, 200)": "an imported workbook's file name in the import record",
  "lib/import/mutations/import-enterprises.ts:.slice(0, 200)": "an imported workbook's file name in the import record",
  "app/(portal)/import/import-panel.tsx:.slice(0, 200)": "the server's answer shown in an error message",
  "lib/ranking/build-ranking-workbook.ts:.slice(0, 31)": "a worksheet name (Excel allows 31 characters), made by the code",
  "lib/spreadsheet/xlsx.ts:.slice(0, 31)": "a worksheet name (Excel allows 31 characters), made by the code",
  "lib/spreadsheet/write-ledger-workbook.ts:.slice(0, 31)": "a worksheet name (Excel allows 31 characters), made by the code",
  "lib/requests/list-filters.ts:.slice(0, MAX_QUERY)":
    "a list's search words from the URL: a filter, never stored; the search box shows the same limit as a count",
  "lib/products/filters.ts:.slice(0, MAX_QUERY)":
    "the catalogue's search words from the URL: a filter, never stored; the search box shows the limit as a count",
  "lib/registry/rules.ts:.slice(0, 64)":
    "the registry's search words from the URL: a filter, never stored; the search box shows the limit as a count",
  "lib/accounts/queries/list-manageable-users.ts:.slice(0, 64)":
    "the user list's search words: a filter, never stored; the search box shows the limit as a count",
  "lib/audit/queries/search-audit-log.ts:.slice(0, limit)": "rows of a page, not text",
  "lib/dashboard/enterprise-answer.ts:.slice(0, max)":
    "a dashboard's one-line preview of an answer, ending in …; the answer itself is shown whole on its page",
};

// A cut to a long or named limit; short literal cuts (a date's "YYYY-MM-DD", a year, a mask's first digits) are not text limits.
const CUT = /\.(?:slice|substring|substr)\(\s*0\s*,\s*([^)]*?)\s*\)/g;
const isTextLimit = (limit: string) => (/^\d+$/.test(limit) ? Number(limit) >= 20 : /max|limit|length|\d{2,}/i.test(limit));

describe("no silent truncation", () => {
  it("every cut of text to a limit is a reviewed one (a new one must refuse instead, or be reviewed here)", () => {
    const found = new Set<string>();
    for (const rel of [...sourceFilesUnder("lib"), ...sourceFilesUnder("app"), ...sourceFilesUnder("components")]) {
      if (/\.test\.tsx?$/.test(rel) || rel.startsWith("lib/seed/")) continue;
      for (const m of readSource(rel).matchAll(CUT)) if (isTextLimit(m[1]!)) found.add(`${rel}:${m[0].slice(m[0].indexOf("."))}`);
    }
    expect([...found].filter((key) => !(key in REVIEWED_CUTS))).toEqual([]);
    expect(Object.keys(REVIEWED_CUTS).filter((key) => !found.has(key))).toEqual([]);
  });
});
