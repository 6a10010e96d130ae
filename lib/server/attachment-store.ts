import { postgresAttachmentStore, type TAttachmentStore } from "@/lib/attachments/mutations/postgres-attachment-store";

const store = postgresAttachmentStore();

/**
 * The attachment store every app server shares: the database (AttachmentBlob), so a file
 * uploaded through one server downloads through any other and is in every backup. Files
 * an older version left on disk are moved in by `npm run attachments:to-store`.
 */
export function attachmentStore(): TAttachmentStore {
  return store;
}
