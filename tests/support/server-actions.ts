/**
 * Finds every server action by walking app/ for actions.ts files and importing them, so
 * a test that covers "every action" cannot miss one added later. Shared by the
 * authorization matrix and the fuzz tests. Importing an actions.ts pulls in the server
 * modules it uses (db client, Auth.js): a test that only reads `policy` or `schema`
 * never calls them.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { TDefinedAction } from "@/lib/server/action";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every file under `dir` whose name passes `test`, as paths relative to the repository root. */
function filesWhere(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) return filesWhere(full, test);
      return test(entry) ? [path.relative(ROOT, full)] : [];
    });
}

/** Every file called `name` under `dir`, as paths relative to the repository root. */
export function filesNamed(dir: string, name: string): string[] {
  return filesWhere(dir, (entry) => entry === name);
}

/** Every file under `dir` whose name ends in `suffix`. */
export function filesEndingIn(dir: string, suffix: string): string[] {
  return filesWhere(dir, (entry) => entry.endsWith(suffix));
}

export type TFoundAction = { file: string; exportName: string; action: TDefinedAction<unknown> };

/** Every export of every app/**\/actions.ts, in a stable order (file, then export name). */
export async function loadServerActions(): Promise<TFoundAction[]> {
  const found: TFoundAction[] = [];
  for (const file of filesNamed(path.join(ROOT, "app"), "actions.ts")) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const exportName of Object.keys(mod).sort()) {
      found.push({ file, exportName, action: mod[exportName] as TDefinedAction<unknown> });
    }
  }
  return found;
}
