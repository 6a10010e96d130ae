/**
 * Attachments and the request lists on the real database: the bytes land in the database
 * (AttachmentBlob) in the attachment row's transaction under generated names with their
 * sha256, so any app server reads them; a store that cannot follow the transaction has its
 * copy removed when the transaction fails. The 10 MB limit and the content check hold, only the item's enterprise adds or removes files and
 * only while the item is a draft or returned, and whoever may not read the item cannot
 * read its files either (another tenant's id behaves like a missing one).
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { deleteAttachment } from "@/lib/attachments/mutations/delete-attachment";
import { uploadAttachment, type TUploadAttachmentInput } from "@/lib/attachments/mutations/upload-attachment";
import { getAttachmentFile, listAttachments } from "@/lib/attachments/queries/get-attachment-file";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/rules";
import { postgresAttachmentStore, type TAttachmentStore } from "@/lib/attachments/mutations/postgres-attachment-store";
import { parseRequestListFilters } from "@/lib/requests/list-filters";
import { saveRequest } from "@/lib/requests/mutations/save-request";
import { getEditableRequest } from "@/lib/requests/queries/get-editable-request";
import { listParkQueue } from "@/lib/requests/queries/list-park-queue";
import { listRequests } from "@/lib/requests/queries/list-requests";
import { codeOf, createRequestWorld, financingInput, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
const store = postgresAttachmentStore();
const NOW = new Date("2026-06-01T02:00:00Z"); // a Monday, Asia/Shanghai 10:00

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);

async function draft(title = "附件测试草稿", actor = w.actors.enterpriseOwner) {
  return saveRequest(prisma, actor, financingInput({ title }), { now: NOW });
}

async function submit(id: string) {
  const item = (await prisma.request.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  return saveRequest(prisma, w.actors.enterpriseOwner, financingInput({ requestId: id, version: item, submit: true }), { now: NOW });
}

const upload = (input: TUploadAttachmentInput, actor = w.actors.enterpriseOwner) => uploadAttachment(prisma, actor, input, { store });

async function storedNames(): Promise<string[]> {
  return (await prisma.attachmentBlob.findMany({ select: { storedName: true }, orderBy: { storedName: "asc" } })).map((b) => b.storedName);
}

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("uploadAttachment", () => {
  it("stores the bytes in the database under a generated name, with its size and sha256: another connection reads them", async () => {
    const item = await draft();
    const saved = await upload({ requestId: item.id, fileName: "../../public/营业执照.pdf", bytes: PDF });
    expect(saved).toMatchObject({ fileName: "营业执照.pdf", sizeBytes: PDF.byteLength, mimeType: "application/pdf" });

    const row = await prisma.attachment.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.storedName).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row.storedName).not.toContain("营业执照");
    expect(row.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
    expect(row.uploadedById).toBe(w.actors.enterpriseOwner.userId);

    // Another app server is another process with its own connection pool.
    const otherServer = testPrisma();
    try {
      expect(await store.get(otherServer, row.storedName)).toEqual(PDF);
    } finally {
      await otherServer.$disconnect();
    }
    expect(await prisma.auditLog.count({ where: { action: "attachments.upload", targetId: item.id } })).toBe(1);
  });

  it("names the file by its content type, whatever extension it came with", async () => {
    const item = await draft();
    const saved = await upload({ requestId: item.id, fileName: "scan.pdf", bytes: PNG });
    expect(saved).toMatchObject({ fileName: "scan.pdf.png", mimeType: "image/png" });
  });

  it("refuses files over 10 MB, empty files and anything that is not PDF/PNG/JPEG/XLSX — leaving nothing behind", async () => {
    const item = await draft();
    const before = await storedNames();
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PDF);
    expect(await codeOf(upload({ requestId: item.id, fileName: "big.pdf", bytes: big }))).toBe("tooLarge");
    expect(await codeOf(upload({ requestId: item.id, fileName: "empty.pdf", bytes: new Uint8Array() }))).toBe("emptyFile");
    expect(await codeOf(upload({ requestId: item.id, fileName: "invoice.pdf", bytes: EXE }))).toBe("badType");
    expect(await prisma.attachment.count({ where: { requestId: item.id } })).toBe(0);
    expect(await storedNames()).toEqual(before);

    const exactly = new Uint8Array(MAX_ATTACHMENT_BYTES);
    exactly.set(PDF);
    expect((await upload({ requestId: item.id, fileName: "limit.pdf", bytes: exactly })).sizeBytes).toBe(MAX_ATTACHMENT_BYTES);
  });

  it("lets only the item's own enterprise add files: another enterprise's id is not found, and the file is removed again", async () => {
    const item = await draft();
    const before = await storedNames();
    expect(await codeOf(upload({ requestId: item.id, fileName: "x.pdf", bytes: PDF }, w.actors.otherEnterpriseOwner))).toBe("notFound");
    expect(await codeOf(upload({ requestId: item.id, fileName: "x.pdf", bytes: PDF }, w.actors.parkStaff))).toBe("forbidden");
    expect(await codeOf(upload({ requestId: item.id, fileName: "x.pdf", bytes: PDF }, w.actors.financeAdmin))).toBe("forbidden");
    expect(await storedNames()).toEqual(before);
  });

  it("refuses new files once the item is submitted", async () => {
    const item = await draft();
    await submit(item.id);
    const before = await storedNames();
    expect(await codeOf(upload({ requestId: item.id, fileName: "late.pdf", bytes: PDF }))).toBe("invalidState");
    // The bytes were written inside the refused transaction and went with it.
    expect(await storedNames()).toEqual(before);
  });
});

describe("reading attachments", () => {
  it("follows the item's scope: drafts only for the enterprise; after submission the park, finance office and central bank", async () => {
    const item = await draft();
    const { id } = await upload({ requestId: item.id, fileName: "报表.pdf", bytes: PDF });

    expect(await getAttachmentFile(prisma, w.actors.enterpriseOwner, id)).toMatchObject({ id, fileName: "报表.pdf" });
    for (const outsider of [w.actors.otherEnterpriseOwner, w.actors.parkStaff, w.actors.financeStaff, w.actors.mainBankLiaison]) {
      expect(await getAttachmentFile(prisma, outsider, id)).toBeNull();
    }
    expect(await listAttachments(prisma, w.actors.otherEnterpriseOwner, item.id)).toEqual([]);

    await submit(item.id);
    for (const reader of [w.actors.parkStaff, w.actors.financeStaff, w.actors.centralBankStaff]) {
      expect(await getAttachmentFile(prisma, reader, id), reader.role).not.toBeNull();
    }
    for (const outsider of [w.actors.otherEnterpriseOwner, w.actors.otherParkStaff, w.actors.otherBankLiaison]) {
      expect(await getAttachmentFile(prisma, outsider, id), outsider.role).toBeNull();
    }
    expect((await listAttachments(prisma, w.actors.parkStaff, item.id)).map((a) => a.id)).toEqual([id]);
  });
});

describe("deleteAttachment", () => {
  it("removes the row and the bytes for the own enterprise while a draft; others get not found", async () => {
    const item = await draft();
    const { id } = await upload({ requestId: item.id, fileName: "多余.pdf", bytes: PDF });
    const { storedName } = await prisma.attachment.findUniqueOrThrow({ where: { id } });

    expect(await codeOf(deleteAttachment(prisma, w.actors.otherEnterpriseOwner, id, { store }))).toBe("notFound");
    expect(await codeOf(deleteAttachment(prisma, w.actors.parkStaff, id, { store }))).toBe("forbidden");

    expect(await deleteAttachment(prisma, w.actors.enterpriseOwner, id, { store })).toEqual({ requestId: item.id });
    expect(await prisma.attachment.findUnique({ where: { id } })).toBeNull();
    expect(await prisma.attachmentBlob.findUnique({ where: { storedName } })).toBeNull();
    expect(await codeOf(deleteAttachment(prisma, w.actors.enterpriseOwner, id, { store }))).toBe("notFound");
  });

  it("keeps the files of a submitted item", async () => {
    const item = await draft();
    const { id } = await upload({ requestId: item.id, fileName: "留存.pdf", bytes: PDF });
    await submit(item.id);
    expect(await codeOf(deleteAttachment(prisma, w.actors.enterpriseOwner, id, { store }))).toBe("invalidState");
    expect(await prisma.attachment.findUnique({ where: { id } })).not.toBeNull();
    const { storedName } = await prisma.attachment.findUniqueOrThrow({ where: { id } });
    expect(await prisma.attachmentBlob.findUnique({ where: { storedName } })).not.toBeNull();
  });
});

describe("the stored bytes", () => {
  it("are written once and outlive no row: the database refuses an UPDATE, and a DELETE while an attachment names them", async () => {
    const item = await draft();
    const { id } = await upload({ requestId: item.id, fileName: "原件.pdf", bytes: PDF });
    const { storedName } = await prisma.attachment.findUniqueOrThrow({ where: { id } });
    await expect(prisma.attachmentBlob.update({ where: { storedName }, data: { bytes: new Uint8Array(PNG) } })).rejects.toThrow(
      /UPDATE is not allowed/,
    );
    await expect(store.delete(prisma, storedName)).rejects.toThrow(/still named by an attachment/);
    expect(await store.get(prisma, storedName)).toEqual(PDF);
    await expect(store.get(prisma, "../../etc/passwd")).rejects.toThrow(/not a stored attachment name/);
  });
});

describe("a store outside the database (an object store)", () => {
  // Keeps objects in memory: what matters here is how the mutations treat a store whose
  // writes do not follow the database transaction.
  function objectStore(): TAttachmentStore & { objects: Map<string, Uint8Array<ArrayBuffer>> } {
    const objects = new Map<string, Uint8Array<ArrayBuffer>>();
    return {
      kind: "s3",
      transactional: false,
      objects,
      async put(_db, name, bytes) {
        if (objects.has(name)) throw new Error("exists");
        objects.set(name, bytes);
      },
      async get(_db, name) {
        return objects.get(name) ?? null;
      },
      async has(_db, name) {
        return objects.has(name);
      },
      async delete(_db, name) {
        objects.delete(name);
      },
    };
  }

  it("keeps the object of a committed upload, removes it again when the transaction fails, and after a committed delete", async () => {
    const objects = objectStore();
    const item = await draft();
    const saved = await uploadAttachment(
      prisma,
      w.actors.enterpriseOwner,
      { requestId: item.id, fileName: "a.pdf", bytes: PDF },
      { store: objects },
    );
    const { storedName } = await prisma.attachment.findUniqueOrThrow({ where: { id: saved.id } });
    expect([...objects.objects.keys()]).toEqual([storedName]);
    expect(await prisma.attachmentBlob.findUnique({ where: { storedName } })).toBeNull();

    const other = await draft();
    await submit(other.id);
    expect(
      await codeOf(
        uploadAttachment(prisma, w.actors.enterpriseOwner, { requestId: other.id, fileName: "b.pdf", bytes: PDF }, { store: objects }),
      ),
    ).toBe("invalidState");
    expect([...objects.objects.keys()]).toEqual([storedName]);

    await deleteAttachment(prisma, w.actors.enterpriseOwner, saved.id, { store: objects });
    expect(objects.objects.size).toBe(0);
  });
});

describe("request lists", () => {
  it("shows the enterprise its drafts, never another enterprise's, and finds by serial or title", async () => {
    const mine = await draft("独一无二的列表标题");
    const theirs = await draft("别人的草稿", w.actors.otherEnterpriseOwner);
    const own = await listRequests(prisma, w.actors.enterpriseOwner, parseRequestListFilters({ status: "DRAFT" }));
    expect(own.rows.map((r) => r.id)).toContain(mine.id);
    expect(own.rows.map((r) => r.id)).not.toContain(theirs.id);
    expect(own.rows.every((r) => r.status === RequestStatus.DRAFT)).toBe(true);

    const byTitle = await listRequests(prisma, w.actors.enterpriseOwner, parseRequestListFilters({ q: "独一无二" }));
    expect(byTitle.rows.map((r) => r.id)).toEqual([mine.id]);
    const bySerial = await listRequests(prisma, w.actors.enterpriseOwner, parseRequestListFilters({ q: mine.serial.toLowerCase() }));
    expect(bySerial.rows.map((r) => r.id)).toEqual([mine.id]);

    expect((await listRequests(prisma, w.actors.parkStaff, parseRequestListFilters({}))).rows.map((r) => r.id)).not.toContain(mine.id);
    expect(await getEditableRequest(prisma, w.actors.otherEnterpriseOwner, mine.id)).toBeNull();
    expect((await getEditableRequest(prisma, w.actors.enterpriseOwner, mine.id))?.values).toMatchObject({
      amountFen: "500",
      termMonths: "12",
      neededBy: "2026-12-31",
    });
  });

  it("gives the park window its submitted items oldest first, and nothing to another park", async () => {
    const first = await draft("先提交");
    const second = await draft("后提交");
    await submit(first.id);
    await prisma.request.update({ where: { id: first.id }, data: { submittedAt: new Date(NOW.getTime() - 86_400_000) } });
    await submit(second.id);
    const queue = await listParkQueue(prisma, w.actors.parkStaff);
    const order = queue.rows.map((r) => r.id);
    expect(order.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(first.id)).toBeLessThan(order.indexOf(second.id));
    expect((await listParkQueue(prisma, w.actors.otherParkStaff)).rows).toEqual([]);
    expect((await listParkQueue(prisma, w.actors.enterpriseOwner)).rows).toEqual([]);
    const problems = await listRequests(prisma, w.actors.parkStaff, parseRequestListFilters({ status: "SUBMITTED" }));
    expect(problems.rows.map((r) => r.id)).toEqual(expect.arrayContaining([first.id, second.id]));
  });
});
