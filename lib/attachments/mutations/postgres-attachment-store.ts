import type { Prisma } from "@/lib/generated/prisma/client";
import { isStoredName } from "../rules";

/** A client or an open transaction: the store takes whichever the caller holds. */
export type TAttachmentDb = Prisma.TransactionClient;

/**
 * Where an attachment's bytes live, by the stored name the upload generated (a UUID; any
 * other name is refused before the store is asked). Every app server reads and writes the
 * same store, so a file uploaded through one server downloads through any other.
 *
 * `transactional`: put and delete take effect with the caller's transaction (PostgreSQL).
 * A store that cannot (an object store) writes at once; the mutations then delete an
 * upload's bytes again when its transaction fails, and a deleted attachment's bytes only
 * after its row's transaction committed, so a row never names missing bytes.
 */
export type TAttachmentStore = {
  readonly kind: "postgres" | "s3";
  readonly transactional: boolean;
  /** Never overwrites: a second put under the same name fails. */
  put(db: TAttachmentDb, storedName: string, bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  /** The bytes, or null when the store has none under that name. */
  get(db: TAttachmentDb, storedName: string): Promise<Uint8Array<ArrayBuffer> | null>;
  /** Whether bytes are stored under that name (without reading them). */
  has(db: TAttachmentDb, storedName: string): Promise<boolean>;
  /** Deleting what is already gone is fine (a retried delete). */
  delete(db: TAttachmentDb, storedName: string): Promise<void>;
};

function checkedName(storedName: string): string {
  if (!isStoredName(storedName)) throw new Error("not a stored attachment name");
  return storedName;
}

/**
 * The default store: the bytes in the AttachmentBlob table, written in the attachment
 * row's transaction, in every backup of the database. A blob is written once and removed
 * only after its Attachment row (a database trigger refuses anything else).
 */
export function postgresAttachmentStore(): TAttachmentStore {
  return {
    kind: "postgres",
    transactional: true,
    async put(db, storedName, bytes) {
      await db.attachmentBlob.create({ data: { storedName: checkedName(storedName), bytes } });
    },
    async get(db, storedName) {
      const row = await db.attachmentBlob.findUnique({ where: { storedName: checkedName(storedName) }, select: { bytes: true } });
      return row?.bytes ?? null;
    },
    async has(db, storedName) {
      return (await db.attachmentBlob.count({ where: { storedName: checkedName(storedName) } })) > 0;
    },
    async delete(db, storedName) {
      await db.attachmentBlob.deleteMany({ where: { storedName: checkedName(storedName) } });
    },
  };
}
