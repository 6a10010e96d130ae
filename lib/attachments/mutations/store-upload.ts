import { createHash, randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { MAX_ATTACHMENT_BYTES } from "../rules";
import { sniffFileType, type TSniffedFile } from "../sniff";
import type { TAttachmentStore } from "./postgres-attachment-store";

/** An upload the write step may record: its stored name, digest and sniffed type, and how to store its bytes. */
export type TPendingUpload = {
  storedName: string;
  sha256: string;
  sniffed: TSniffedFile;
  sizeBytes: number;
  /** Stores the bytes: in the transaction for a transactional store; already done for another. */
  putBytes: () => Promise<void>;
};

/**
 * The part every upload shares (an item's files, a visit's): refuse an empty, oversized
 * or unrecognised file (AppError emptyFile · tooLarge · badType), then `before` (the
 * caller's scope check, before any byte is stored; what it returns is handed to `write`),
 * then run `write` in one transaction
 * with a fresh stored name. `write` checks what it must (the owner's row, its state, the
 * file count) and calls putBytes before it inserts its row: a
 * transactional store (PostgreSQL) writes the bytes in that transaction; another store is
 * written first, and its copy is removed again when the transaction fails.
 */
export async function storeUpload<TChecked, T>(
  db: PrismaClient,
  store: TAttachmentStore,
  bytes: Uint8Array<ArrayBuffer>,
  steps: {
    before: () => Promise<TChecked>;
    write: (tx: Prisma.TransactionClient, upload: TPendingUpload, checked: TChecked) => Promise<T>;
  },
): Promise<T> {
  if (bytes.byteLength === 0) throw new AppError("emptyFile");
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new AppError("tooLarge");
  const sniffed = sniffFileType(bytes);
  if (!sniffed) throw new AppError("badType");
  const checked = await steps.before();
  const storedName = randomUUID();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (!store.transactional) await store.put(db, storedName, bytes);
  try {
    return await db.$transaction((tx) =>
      steps.write(
        tx,
        {
          storedName,
          sha256,
          sniffed,
          sizeBytes: bytes.byteLength,
          putBytes: () => (store.transactional ? store.put(tx, storedName, bytes) : Promise.resolve()),
        },
        checked,
      ),
    );
  } catch (error) {
    if (!store.transactional) await store.delete(db, storedName);
    throw error;
  }
}
