import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The architecture tests read the source as text, from the repository's root.
export const ROOT = path.resolve(__dirname, "../..");

/** The .ts/.tsx files below a folder (relative to the root), generated code and node_modules aside. */
export function sourceFilesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (child !== "lib/generated" && entry.name !== "node_modules") walk(child);
      } else if (/\.tsx?$/.test(entry.name)) out.push(child);
    }
  };
  walk(folder);
  return out.sort();
}

export const readSource = (rel: string) => readFileSync(path.join(ROOT, rel), "utf8");
