import { postgresAttachmentStore, type TAttachmentStore } from "@/lib/attachments/mutations/postgres-attachment-store";
import { s3AttachmentStore } from "@/lib/attachments/mutations/s3-attachment-store";
import { attachmentStoreSettings } from "@/lib/server/env";

let store: TAttachmentStore | undefined;

/**
 * The attachment store every app server shares (ATTACHMENT_STORE, lib/server/env.ts): the
 * database by default (AttachmentBlob), or an S3-compatible bucket. Either way a file
 * uploaded through one server downloads through any other. Files an older version left on
 * disk are moved in by `npm run attachments:to-store`.
 */
export function attachmentStore(): TAttachmentStore {
  if (!store) {
    const settings = attachmentStoreSettings();
    store = settings.kind === "s3" ? s3AttachmentStore(settings.s3) : postgresAttachmentStore();
  }
  return store;
}
