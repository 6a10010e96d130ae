/**
 * `npm run attachments:to-store` on the real database and a real folder laid out as the
 * disk store of earlier versions wrote it: each row's file moves into the database when
 * its sha256 matches, a second run moves nothing and says so, a damaged or missing file is
 * reported and not moved, and --remove deletes from disk only what the store holds.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { postgresAttachmentStore } from "@/lib/attachments/mutations/postgres-attachment-store";
import { saveRequest } from "@/lib/requests/mutations/save-request";
import { moveAttachmentsToStore } from "@/scripts/attachments/move-to-store";
import { createRequestWorld, financingInput, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
let dir: string;
const store = postgresAttachmentStore();

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  dir = await mkdtemp(path.join(os.tmpdir(), "rq-attachments-move-"));
});

afterAll(async () => {
  await prisma.$disconnect();
  await rm(dir, { recursive: true, force: true });
});

const fileOf = (storedName: string) => path.join(dir, storedName.slice(0, 2), storedName);

/** An attachment row as the disk store left it: the row in the database, the bytes in the folder. */
async function legacyAttachment(requestId: string, content: string, onDisk: string | null = content) {
  const storedName = randomUUID();
  const bytes = new TextEncoder().encode(`%PDF-1.7\n${content}\n%%EOF\n`);
  const row = await prisma.attachment.create({
    data: {
      requestId,
      storedName,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      mimeType: "application/pdf",
      sizeBytes: bytes.byteLength,
      fileName: `${content}.pdf`,
    },
    select: { id: true },
  });
  if (onDisk !== null) {
    await mkdir(path.dirname(fileOf(storedName)), { recursive: true });
    await writeFile(fileOf(storedName), new TextEncoder().encode(`%PDF-1.7\n${onDisk}\n%%EOF\n`));
  }
  return { id: row.id, storedName, bytes };
}

describe("moveAttachmentsToStore", () => {
  it("moves matching files once, reports missing and changed ones, and removes from disk only what the store holds", async () => {
    const item = await saveRequest(prisma, w.actors.enterpriseOwner, financingInput({ title: "旧附件" }));
    const good = [await legacyAttachment(item.id, "一"), await legacyAttachment(item.id, "二")];
    const changed = await legacyAttachment(item.id, "三", "被改过");
    const gone = await legacyAttachment(item.id, "四", null);
    const stray = randomUUID();
    await mkdir(path.dirname(fileOf(stray)), { recursive: true });
    await writeFile(fileOf(stray), "no row names me");

    // Other test files' rows share the database (their bytes are in no folder of ours).
    const ours = (ids: string[]) => ids.filter((id) => [...good, changed, gone].some((a) => a.id === id));
    const first = await moveAttachmentsToStore(prisma, dir, store);
    expect(first).toMatchObject({ moved: 2, unreferenced: 1, removed: 0 });
    expect(ours(first.missing)).toEqual([gone.id]);
    expect(ours(first.mismatched)).toEqual([changed.id]);
    for (const g of good) expect(await store.get(prisma, g.storedName)).toEqual(g.bytes);
    expect(await store.has(prisma, changed.storedName)).toBe(false);
    expect(existsSync(fileOf(good[0]!.storedName))).toBe(true);

    const again = await moveAttachmentsToStore(prisma, dir, store, { remove: true });
    expect(again).toMatchObject({ moved: 0, alreadyInStore: first.alreadyInStore + 2, removed: 2 });
    expect(ours(again.mismatched)).toEqual([changed.id]);
    expect(existsSync(fileOf(good[0]!.storedName))).toBe(false);
    expect(existsSync(fileOf(changed.storedName))).toBe(true);
    expect(existsSync(fileOf(stray))).toBe(true);
  });
});
