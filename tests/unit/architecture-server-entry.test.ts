import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

// The server entry runs under tsx before Next.js loads, and the city benchmark runs the same
// entry from another folder (its floor app), where tsconfig's "@/" alias does not resolve.
// So every module the entry loads at run time imports the others by relative path; type-only
// imports are erased and may use the alias.
function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  return [".ts", ".tsx", "/index.ts"].map((ext) => base + ext).find((file) => existsSync(file));
}

function aliasedRuntimeImports(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    const specs = [
      ...source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm),
      ...source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1]!);
    for (const spec of specs) {
      if (!spec.startsWith("@/") && !spec.startsWith(".")) continue;
      if (spec.startsWith("@/")) found.push(`${path.relative(ROOT, file)} imports ${spec}`);
      const target = resolveImport(file, spec);
      if (target) todo.push(target);
    }
  }
  return found;
}

describe("the server entry (scripts/server.ts)", () => {
  it("loads nothing through the @/ alias at run time", () => {
    expect(aliasedRuntimeImports(path.join(ROOT, "scripts/server.ts"))).toEqual([]);
  });
});
