/**
 * When the database cannot be reached, sign-in and pages say so: the errors the driver
 * gives for a refused connection and for a connection cut mid-way are both recognised,
 * and a request marked unavailable is answered 503 with Retry-After whatever status the
 * handler (Next.js) sends. tests/e2e/database-down.spec.ts checks the whole server.
 */
import { createServer, type Server } from "node:http";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/accounts/mutations/authenticate";
import { answerUnavailableWith503, isDatabaseUnavailable, markDatabaseUnavailable } from "@/lib/server/database-unavailable";
import { createPrismaClient } from "@/lib/server/db";
import { startTcpProxy, viaPort } from "@/tests/support/tcp-proxy";
import { databaseUrl } from "./harness";

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const attempt = { login: "nobody.here", password: "Wrong#Pass1" };
const meta = { ip: "192.0.2.50", userAgent: "vitest" };

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

describe("the database cannot be reached", () => {
  it("a sign-in against a closed port fails with an error read as 'unavailable', not as a refused sign-in", async () => {
    const prisma = createPrismaClient(viaPort(databaseUrl(), await closedPort()));
    try {
      const error = await failureOf(authenticate(prisma, attempt, meta));
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("a sign-in after the database went away under an open pool is read as 'unavailable' too", async () => {
    const url = new URL(databaseUrl());
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
    const prisma = createPrismaClient(viaPort(databaseUrl(), proxy.port));
    try {
      expect(await authenticate(prisma, attempt, meta)).toEqual({ ok: false, code: "invalid" });
      await proxy.stop();
      const error = await failureOf(authenticate(prisma, attempt, meta));
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await prisma.$disconnect().catch(() => undefined);
    }
  });

  it("does not read an ordinary database error as 'unavailable'", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("syntax error at or near"))).toBe(false);
  });

  describe("the server entry's answer", () => {
    let server: Server | undefined;
    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
    });

    it("turns the handler's answer into 503 with Retry-After when the request was marked", async () => {
      server = createServer((req, res) => {
        void answerUnavailableWith503(req, res, async (r, s) => {
          await new Promise((resolve) => setTimeout(resolve, 5)); // marked later in the render
          if (r.url === "/down") markDatabaseUnavailable();
          s.statusCode = 500;
          s.end("error page");
        });
      });
      await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
      const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
      const down = await fetch(`${base}/down`);
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBe("30");
      expect(await down.text()).toBe("error page");
      expect((await fetch(`${base}/other`)).status).toBe(500);
    });
  });
});
