import { AwsClient } from "aws4fetch";
import type { TAttachmentStore } from "./postgres-attachment-store";
import { isStoredName } from "../rules";

export type TS3Settings = {
  /** e.g. https://s3.example.gov.cn or http://127.0.0.1:9000, without the bucket. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Prepended to every key, e.g. "attachments/". */
  prefix: string;
};

/**
 * For deployments whose files outgrow the database: the bytes as objects in an
 * S3-compatible bucket (path-style URLs, signed with AWS Signature V4 by aws4fetch), the
 * object key the stored name. Not transactional: the mutations write the object before
 * the row and remove it again if the row's transaction fails, and remove a deleted
 * attachment's object only after its row is gone. The bucket, not this code, keeps the
 * objects of ledger-tied attachments: give the portal's key no lifecycle rule that expires
 * them, and turn on versioning if an overwrite must be recoverable.
 */
export function s3AttachmentStore(settings: TS3Settings): TAttachmentStore {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: "s3",
  });
  const base = `${settings.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(settings.bucket)}/`;
  const urlOf = (storedName: string) => {
    if (!isStoredName(storedName)) throw new Error("not a stored attachment name");
    return `${base}${settings.prefix}${storedName}`;
  };
  const failed = async (what: string, response: Response) =>
    new Error(`S3 ${what} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);

  return {
    kind: "s3",
    transactional: false,
    async put(_db, storedName, bytes) {
      const response = await client.fetch(urlOf(storedName), {
        method: "PUT",
        body: bytes,
        headers: { "Content-Type": "application/octet-stream", "Content-Length": String(bytes.byteLength) },
      });
      if (!response.ok) throw await failed("PUT", response);
      await response.arrayBuffer();
    },
    async get(_db, storedName) {
      const response = await client.fetch(urlOf(storedName));
      if (response.status === 404) {
        await response.arrayBuffer();
        return null;
      }
      if (!response.ok) throw await failed("GET", response);
      return new Uint8Array(await response.arrayBuffer());
    },
    async has(_db, storedName) {
      const response = await client.fetch(urlOf(storedName), { method: "HEAD" });
      if (response.status === 404) return false;
      if (!response.ok) throw await failed("HEAD", response);
      return true;
    },
    async delete(_db, storedName) {
      const response = await client.fetch(urlOf(storedName), { method: "DELETE" });
      if (!response.ok && response.status !== 404) throw await failed("DELETE", response);
      await response.arrayBuffer();
    },
  };
}
