/**
 * Attachment rules that need no database: the limits, which statuses allow changes, the
 * name a file is shown and downloaded under, and its Content-Disposition header.
 */
import { RequestStatus, type AnswerKind } from "@/lib/generated/prisma/enums";
import { awaitsDocuments } from "@/lib/requests/workflow/transitions";
import type { TSniffedFile } from "./sniff";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Per item: enough for statements, licences and a business plan; bounded so a form cannot fill the disk. */
export const MAX_ATTACHMENTS_PER_REQUEST = 20;
const MAX_NAME_LENGTH = 120;

/** The enterprise adds or removes files only while the item is its own to edit. */
export const EDITABLE_STATUSES: readonly RequestStatus[] = [RequestStatus.DRAFT, RequestStatus.RETURNED];

export function attachmentsEditable(status: RequestStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

type TItemState = { status: RequestStatus; answerKind: AnswerKind | null; answeredAt: Date | null };

/**
 * Uploads: while the item is the enterprise's to edit, and while a bank's 需补充材料 answer
 * waits for its documents (they are sent with the next step, supplyDocuments).
 */
export function attachmentsUploadable(item: Pick<TItemState, "status" | "answerKind">): boolean {
  return attachmentsEditable(item.status) || awaitsDocuments(item);
}

/**
 * Removal: any file not yet part of a ledger entry while the item is editable; while
 * documents are awaited, only the files uploaded since the answer (what the bank saw stays).
 */
export function attachmentRemovable(item: TItemState, file: { ledgerEntryId: bigint | null; createdAt: Date }): boolean {
  if (file.ledgerEntryId !== null) return false;
  if (attachmentsEditable(item.status)) return true;
  return awaitsDocuments(item) && item.answeredAt !== null && file.createdAt.getTime() >= item.answeredAt.getTime();
}

/** Stored names are random UUIDs we generate: anything else is refused before touching the disk. */
const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isStoredName(name: string): boolean {
  return STORED_NAME.test(name);
}

/**
 * The name shown to people: the last path segment of what the browser sent, without
 * control characters, at most 120 characters; its extension made to match what the bytes
 * are (a PNG called "scan.pdf" is offered as "scan.pdf.png").
 */
export function displayName(original: string, sniffed: TSniffedFile, fallback: string): string {
  const base = (original.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, "") // bidi overrides: "exe.pdf" spoofing
    .trim();
  const name = base === "" || base === "." || base === ".." ? fallback : base;
  const extension = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  const withExtension = sniffed.extensions.includes(extension) ? name : `${name}.${sniffed.extensions[0]}`;
  if (withExtension.length <= MAX_NAME_LENGTH) return withExtension;
  const suffix = `.${sniffed.extensions[0]}`;
  return `${withExtension.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
}

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 5987 encoding>`: old
 * clients get a safe ASCII name, current ones the real (Chinese) name.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** "850 KB", "2.4 MB": sizes for people (1 KB = 1024 bytes, at least 1 KB for a non-empty file). */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Extensions the file picker suggests; the server still judges by content. */
export const ACCEPT_ATTRIBUTE =
  ".pdf,.png,.jpg,.jpeg,.xlsx,application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
