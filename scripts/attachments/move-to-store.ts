/**
 * `npm run attachments:to-store [-- --dir PATH] [--remove]` — moves the attachment files an
 * earlier version kept on disk (ATTACHMENTS_DIR, default .data/attachments, sharded as
 * <first two characters>/<stored name>) into the attachment store every app server shares
 * (ATTACHMENT_STORE: the database by default, or the S3 bucket). Run it once after upgrading, before the servers take traffic; it can be
 * run again at any time: what is already in the store is left alone and counted.
 *
 * A file is moved only when its sha256 is the one its Attachment row recorded at upload:
 * one changed or damaged on disk is reported and left where it is. --remove deletes each
 * file from disk once the store holds it; without it the folder is left as it was (delete
 * it yourself after checking the report). Exits 1 when any row's file is missing or
 * mismatched, so a deployment script stops there.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { TAttachmentStore } from "@/lib/attachments/mutations/postgres-attachment-store";
import { isStoredName } from "@/lib/attachments/rules";
import { attachmentStore } from "@/lib/server/attachment-store";
import { databaseUrlFromEnv, ownerDatabaseUrlFromEnv } from "../db/migrate";

export type TMoveReport = {
  /** Copied from disk into the store by this run. */
  moved: number;
  /** Already in the store (an earlier run, or uploaded after the upgrade). */
  alreadyInStore: number;
  /** A row whose bytes are neither in the store nor on disk. */
  missing: string[];
  /** On disk, but not the bytes the row's sha256 describes: not moved. */
  mismatched: string[];
  /** Files on disk that no Attachment row names (left alone). */
  unreferenced: number;
  /** Files deleted from disk (--remove). */
  removed: number;
};

const BATCH = 200;

function diskPath(dir: string, storedName: string): string {
  return path.join(path.resolve(dir), storedName.slice(0, 2), storedName);
}

async function readIfThere(file: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

async function filesOnDisk(dir: string): Promise<string[]> {
  let shards: string[];
  try {
    shards = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const names: string[] = [];
  for (const shard of shards) {
    try {
      names.push(...(await readdir(path.join(dir, shard))).filter(isStoredName));
    } catch {
      // not a shard folder
    }
  }
  return names;
}

/** Walks every Attachment row in id order, a batch at a time, and moves what the store lacks. */
export async function moveAttachmentsToStore(
  prisma: PrismaClient,
  dir: string,
  store: TAttachmentStore,
  options: { remove?: boolean } = {},
): Promise<TMoveReport> {
  const report: TMoveReport = { moved: 0, alreadyInStore: 0, missing: [], mismatched: [], unreferenced: 0, removed: 0 };
  const named = new Set<string>();
  let after: string | undefined;
  for (;;) {
    const rows = await prisma.attachment.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, storedName: true, sha256: true },
    });
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    for (const row of rows) {
      named.add(row.storedName);
      const file = diskPath(dir, row.storedName);
      if (await store.has(prisma, row.storedName)) {
        report.alreadyInStore++;
      } else {
        const bytes = await readIfThere(file);
        if (!bytes) {
          report.missing.push(row.id);
          continue;
        }
        if (createHash("sha256").update(bytes).digest("hex") !== row.sha256) {
          report.mismatched.push(row.id);
          continue;
        }
        await store.put(prisma, row.storedName, bytes);
        report.moved++;
      }
      if (options.remove && (await readIfThere(file)) !== null) {
        await unlink(file);
        report.removed++;
      }
    }
  }
  report.unreferenced = (await filesOnDisk(dir)).filter((name) => !named.has(name)).length;
  return report;
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const url = ownerDatabaseUrlFromEnv() ?? databaseUrlFromEnv();
  if (!url) {
    console.error("attachments:to-store: DATABASE_URL is not set (environment or .env)");
    process.exit(1);
  }
  const dir = argValue("--dir") ?? (process.env.ATTACHMENTS_DIR?.trim() || path.join(process.cwd(), ".data", "attachments"));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const started = Date.now();
    const r = await moveAttachmentsToStore(prisma, dir, attachmentStore(), { remove: process.argv.includes("--remove") });
    console.log(
      `attachments from ${dir} in ${Date.now() - started} ms: ${r.moved} moved, ${r.alreadyInStore} already in the store, ` +
        `${r.missing.length} missing, ${r.mismatched.length} not matching their sha256, ${r.unreferenced} files no attachment names` +
        (process.argv.includes("--remove") ? `, ${r.removed} removed from disk` : ""),
    );
    for (const id of r.missing) console.log(`  missing: attachment ${id}`);
    for (const id of r.mismatched) console.log(`  sha256 differs: attachment ${id}`);
    if (r.missing.length > 0 || r.mismatched.length > 0) process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
