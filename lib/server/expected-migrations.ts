import { readdirSync } from "node:fs";
import { migrationsDir } from "./env";

let cached: string[] | undefined;

/**
 * The migration folders this build ships, read once per process: a deployment replaces
 * the folder together with the server, so it cannot change under a running one.
 */
export function expectedMigrations(): string[] {
  cached ??= readdirSync(migrationsDir(), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return cached;
}
