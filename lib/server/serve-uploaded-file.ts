import { createHash } from "node:crypto";
import { contentDisposition } from "@/lib/attachments/rules";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { attachmentStore } from "./attachment-store";
import { db } from "./db";

/** What a download needs of an uploaded file's row (an item's or a visit's). */
export type TUploadedFile = { id: string; storedName: string; sha256: string; mimeType: string; fileName: string };

/**
 * The response of an uploaded file, once the caller has checked the user may read it:
 * always a download (Content-Disposition: attachment) with the type sniffed at upload,
 * nosniff and a sandboxing CSP, so a file can never run as a page of the portal. A file
 * missing from the store is "not found" (and logged); one whose bytes no longer match the
 * sha256 taken at upload is not served.
 */
export async function serveUploadedFile(file: TUploadedFile, kind: "attachment" | "visit attachment"): Promise<Response> {
  const bytes = await attachmentStore().get(db(), file.storedName);
  if (!bytes) {
    logger.error({ kind, fileId: file.id }, "uploaded file missing");
    throw new AppError("notFound");
  }
  if (createHash("sha256").update(bytes).digest("hex") !== file.sha256) {
    throw new Error(`${kind} file ${file.id} does not match its sha256`);
  }
  return new Response(bytes, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
