/**
 * The S3-compatible attachment store against an S3 API server: s3rver (npm), an S3
 * emulator, in this process on a free port. The mutations write the object before the row
 * and remove it when the row's transaction fails or after a committed delete; requests
 * carry an AWS Signature V4 Authorization header (s3rver reads its access key and refuses
 * an unknown one, but does not recompute the signature: a real S3 or MinIO does);
 * ATTACHMENT_STORE=s3 without its settings stops.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { AwsClient } from "aws4fetch";
// @ts-expect-error s3rver ships no type declarations
import S3rver from "s3rver";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deleteAttachment } from "@/lib/attachments/mutations/delete-attachment";
import { uploadAttachment } from "@/lib/attachments/mutations/upload-attachment";
import { getAttachmentFile } from "@/lib/attachments/queries/get-attachment-file";
import { s3AttachmentStore, type TS3Settings } from "@/lib/attachments/mutations/s3-attachment-store";
import { saveRequest } from "@/lib/requests/mutations/save-request";
import { attachmentStoreSettings } from "@/lib/server/env";
import { codeOf, createRequestWorld, financingInput, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

type TS3rver = { run(): Promise<{ port: number }>; close(): Promise<void> };

const BUCKET = "rongqiao-attachments";
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% s3\n%%EOF\n");

let prisma: PrismaClient;
let w: TRequestWorld;
let dir: string;
let server: TS3rver;
let settings: TS3Settings;

async function objectKeys(): Promise<string[]> {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: "s3",
  });
  const xml = await (await client.fetch(`${settings.endpoint}/${BUCKET}?list-type=2`)).text();
  return [...xml.matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]!).sort();
}

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  dir = await mkdtemp(path.join(os.tmpdir(), "rq-s3rver-"));
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: BUCKET }] }) as TS3rver;
  const { port } = await server.run();
  // s3rver's one account.
  settings = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: BUCKET,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    prefix: "attachments/",
  };
});

afterAll(async () => {
  await prisma.$disconnect();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("s3AttachmentStore", () => {
  it("keeps an upload's bytes as an object under the prefix, reads them back, and removes them with the attachment", async () => {
    const store = s3AttachmentStore(settings);
    const item = await saveRequest(prisma, w.actors.enterpriseOwner, financingInput({ title: "对象存储" }));
    const saved = await uploadAttachment(
      prisma,
      w.actors.enterpriseOwner,
      { requestId: item.id, fileName: "报表.pdf", bytes: PDF },
      { store },
    );
    const file = await getAttachmentFile(prisma, w.actors.enterpriseOwner, saved.id);
    expect(await objectKeys()).toEqual([`attachments/${file!.storedName}`]);
    expect(await store.has(prisma, file!.storedName)).toBe(true);
    expect(await store.get(prisma, file!.storedName)).toEqual(PDF);
    expect(await prisma.attachmentBlob.count({ where: { storedName: file!.storedName } })).toBe(0);

    await deleteAttachment(prisma, w.actors.enterpriseOwner, saved.id, { store });
    expect(await objectKeys()).toEqual([]);
    expect(await store.get(prisma, file!.storedName)).toBeNull();
    expect(await store.has(prisma, file!.storedName)).toBe(false);
    await store.delete(prisma, file!.storedName); // already gone: fine
  });

  it("removes the object again when the attachment's transaction fails", async () => {
    const store = s3AttachmentStore(settings);
    const item = await saveRequest(prisma, w.actors.enterpriseOwner, financingInput({ title: "已提交" }));
    const version = (await prisma.request.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } })).version;
    await saveRequest(prisma, w.actors.enterpriseOwner, financingInput({ requestId: item.id, version, submit: true }));
    const before = await objectKeys();
    expect(
      await codeOf(uploadAttachment(prisma, w.actors.enterpriseOwner, { requestId: item.id, fileName: "迟.pdf", bytes: PDF }, { store })),
    ).toBe("invalidState");
    expect(await objectKeys()).toEqual(before);
  });

  it("signs its requests: an unknown access key is refused by the server", async () => {
    const store = s3AttachmentStore({ ...settings, accessKeyId: "NOT-A-KEY" });
    await expect(store.put(prisma, "0b5f8f4e-4a43-4f55-9d43-3f3a1f7d6a10", PDF)).rejects.toThrow(
      /S3 PUT answered 403: .*InvalidAccessKeyId/s,
    );
  });
});

describe("attachmentStoreSettings", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it("is the database by default, s3 with its settings, and refuses s3 without them", () => {
    delete process.env.ATTACHMENT_STORE;
    expect(attachmentStoreSettings()).toEqual({ kind: "postgres" });
    Object.assign(process.env, {
      ATTACHMENT_STORE: "s3",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_BUCKET: "files",
      S3_ACCESS_KEY_ID: "id",
      S3_SECRET_ACCESS_KEY: "secret",
    });
    expect(attachmentStoreSettings()).toMatchObject({ kind: "s3", s3: { bucket: "files", region: "us-east-1", prefix: "" } });
    delete process.env.S3_BUCKET;
    expect(() => attachmentStoreSettings()).toThrow(/S3_BUCKET/);
    process.env.ATTACHMENT_STORE = "disk";
    expect(() => attachmentStoreSettings()).toThrow();
  });
});
