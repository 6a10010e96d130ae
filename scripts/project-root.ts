import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The nearest folder at or above `moduleUrl`'s that holds a package.json: the repository
 * when a script runs from scripts/, the unpacked release when it runs compiled into the
 * bundle's root (scripts/release.ts), so both find prisma/migrations and .env alike.
 */
export function projectRootOf(moduleUrl: string): string {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(moduleUrl)}`);
    dir = parent;
  }
  return dir;
}
