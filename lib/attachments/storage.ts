/**
 * Files on disk, under a directory the caller passes (lib/server/env.ts attachmentsDir():
 * outside the web root). Names are the random UUIDs we generate, sharded by their first
 * two characters so no folder grows past a few thousand files; a name that is not one of
 * ours is refused before any path is built, so no user input ever reaches the path.
 */
import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { isStoredName } from "./rules";

export function storedPath(dir: string, storedName: string): string {
  if (!isStoredName(storedName)) throw new Error("not a stored attachment name");
  return path.join(path.resolve(dir), storedName.slice(0, 2), storedName);
}

/** "wx": never overwrites — a collision of random UUIDs would be a bug, not a replacement. */
export async function writeStoredFile(dir: string, storedName: string, bytes: Uint8Array): Promise<void> {
  const file = storedPath(dir, storedName);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, bytes, { flag: "wx", mode: 0o600 });
}

export async function readStoredFile(dir: string, storedName: string): Promise<Buffer> {
  return readFile(storedPath(dir, storedName));
}

/** Removing a file that is already gone is fine (a retried delete). */
export async function removeStoredFile(dir: string, storedName: string): Promise<void> {
  try {
    await unlink(storedPath(dir, storedName));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
