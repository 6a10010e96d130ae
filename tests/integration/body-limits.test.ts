/**
 * Uploads are refused at their size limit however the body is sent. The attack: a body
 * with `Transfer-Encoding: chunked` and no Content-Length, far larger than the limit.
 * Before, the routes read all of it into memory and only then answered (a gigabyte read,
 * server memory up by gigabytes); now each stops reading at the limit and answers 413.
 * The stream here counts what the route pulled from it.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/rules";
import { MAX_FILE_BYTES } from "@/lib/import/run";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { readLimitedBody } from "@/lib/server/read-limited-form";
import { session } from "../support/signed-in-session";

vi.mock("@/lib/server/auth/current-user", () => import("../support/signed-in-session").then((m) => m.currentUserModule()));
vi.mock("@/lib/server/auth/request-meta", () => import("../support/signed-in-session").then((m) => m.requestMetaModule("body-limits")));

const ROOT = path.resolve(__dirname, "../..");
const CHUNK = 64 * 1024;

function user(role: Role, orgKind: OrgKind): TSessionUser {
  return {
    sessionId: randomUUID(),
    userId: randomUUID(),
    account: "attacker",
    name: "攻击者",
    role,
    orgId: randomUUID(),
    orgKind,
    orgName: "测试",
    mustChangePassword: false,
    needsTotpEnrolment: false,
    totpEnabled: false,
  };
}

/** A multipart-looking body of `total` bytes made on demand, with the count of bytes the reader pulled. */
function hugeBody(total: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const head = new TextEncoder().encode(
    `--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
  );
  const filler = new Uint8Array(CHUNK).fill(0x41);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const chunk = sent === 0 ? head : filler;
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

/** A chunked POST: no Content-Length, as curl sends with `-H "Transfer-Encoding: chunked"`. */
function chunkedPost(url: string, body: ReadableStream<Uint8Array>): Request {
  return new Request(url, {
    method: "POST",
    body,
    duplex: "half",
    headers: { "content-type": "multipart/form-data; boundary=x" },
  } as RequestInit);
}

type TRoute = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routeOf = async (file: string, method = "POST") => ((await import(path.join(ROOT, file))) as Record<string, TRoute>)[method]!;

describe("upload size limits under a chunked body without Content-Length", () => {
  it("the attachment upload stops reading at its limit and answers 413", async () => {
    session.user = user(Role.ENTERPRISE_OWNER, OrgKind.ENTERPRISE);
    const post = await routeOf("app/api/requests/[id]/attachments/route.ts");
    const body = hugeBody(200 * 1024 * 1024);
    const response = await post(chunkedPost(`http://localhost/api/requests/${randomUUID()}/attachments`, body.stream), {
      params: Promise.resolve({ id: randomUUID() }),
    });
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(MAX_ATTACHMENT_BYTES + 64 * 1024 + 2 * CHUNK);
  });

  it("the enterprise import stops reading at its limit and answers 413", async () => {
    session.user = user(Role.FINANCE_ADMIN, OrgKind.FINANCE_OFFICE);
    const post = await routeOf("app/(portal)/import/enterprises/file/route.ts");
    const body = hugeBody(200 * 1024 * 1024);
    const response = await post(chunkedPost("http://localhost/import/enterprises/file", body.stream));
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(MAX_FILE_BYTES + 1024 * 1024 + 2 * CHUNK);
  });

  it("readLimitedBody keeps a body within the limit whole", async () => {
    const small = hugeBody(3 * CHUNK);
    const bytes = await readLimitedBody(small.stream, 10 * CHUNK);
    expect(bytes.byteLength).toBe(small.pulled());
  });
});
