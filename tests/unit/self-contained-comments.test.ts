/**
 * Comments say why in words that stand alone: a reader of the repository cannot open a
 * ticket number, a line of a file kept elsewhere, or a notes file outside the tree. Where
 * a rule comes from a program document, the comment names the document and its article.
 * This test scans the source for the shapes such pointers take.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const FOLDERS = ["app", "components", "lib", "scripts", "tests", "prisma/seed"];
const SKIP = new Set(["lib/generated", "node_modules"]);
const EXTENSIONS = /\.(ts|tsx|mts|css)$/;

// A ticket ("issue 6", "issue 4 item 3"), a seed file's line ("seeds/001 L379", "L375:"),
// or a document kept outside the repository.
const POINTERS: readonly RegExp[] = [
  /\bissue \d+/i,
  /\bseeds?\/\d{3}\b/,
  /\(L\d{2,4}\b/,
  /\bL\d{2,4}:/,
  /\/work\/shared|platform-notes|domain\.md/,
];

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (SKIP.has(child) || entry.name === "node_modules") continue;
      if (entry.isDirectory()) walk(child);
      else if (EXTENSIONS.test(entry.name)) out.push(child);
    }
  };
  walk(folder);
  return out;
}

// The comment text of a line: after // or inside /* … */ (a good enough reading for this check).
function commentOf(line: string): string | null {
  const slash = line.indexOf("//");
  if (slash >= 0 && !line.slice(0, slash).includes('"') && !line.slice(0, slash).includes("`")) return line.slice(slash);
  const trimmed = line.trim();
  if (trimmed.startsWith("*") || trimmed.startsWith("/*")) return trimmed;
  return null;
}

describe("comments", () => {
  it("point to nothing outside the repository", () => {
    const found: string[] = [];
    for (const file of FOLDERS.flatMap(sourceFiles)) {
      if (file === "tests/unit/self-contained-comments.test.ts") continue;
      readFileSync(path.join(ROOT, file), "utf8")
        .split("\n")
        .forEach((line, i) => {
          const comment = commentOf(line);
          if (comment && POINTERS.some((p) => p.test(comment))) found.push(`${file}:${i + 1}: ${comment.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
