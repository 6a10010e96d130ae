/**
 * A spreadsheet that unpacks to hundreds of megabytes must not stall the server. The
 * attack: a few hundred kilobytes of .xlsx whose worksheet inflates to 300 MB, posted to
 * the enterprise import as a signed-in finance administrator. Before, the server inflated
 * and parsed all of it on the request's thread (tens of seconds in which no other request,
 * not even the health check, was answered). Now the ZIP's directory is checked first (413
 * at once, in Chinese), and a file whose directory lies is stopped while inflating, in a
 * worker thread, while the server goes on answering.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OrgKind, Role } from "@/lib/generated/prisma/enums";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { xlsxBomb } from "@/tests/factories/xlsx-bomb";
import { session } from "../support/signed-in-session";

vi.mock("@/lib/server/auth/current-user", () => import("../support/signed-in-session").then((m) => m.currentUserModule()));
vi.mock("@/lib/server/auth/request-meta", () => import("../support/signed-in-session").then((m) => m.requestMetaModule("unpack-limits")));

const ROOT = path.resolve(__dirname, "../..");
const MB = 1024 * 1024;

type TRoute = (request: Request) => Promise<Response>;
const routeOf = async (file: string, method: string) => ((await import(path.join(ROOT, file))) as Record<string, TRoute>)[method]!;

function financeAdmin(): TSessionUser {
  return {
    sessionId: randomUUID(),
    userId: randomUUID(),
    account: "finance.admin",
    name: "金融办管理员",
    role: Role.FINANCE_ADMIN,
    orgId: randomUUID(),
    orgKind: OrgKind.FINANCE_OFFICE,
    orgName: "金融办",
    mustChangePassword: false,
    needsTotpEnrolment: false,
    totpEnabled: false,
  };
}

function upload(bytes: Buffer): Request {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], "企业名单.xlsx", { type: "application/octet-stream" }));
  return new Request("http://localhost/import/enterprises/file", { method: "POST", body: form });
}

/** The longest time the event loop went without running a 10 ms timer, until `stop()`. */
function watchEventLoop(): { stop: () => number } {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(worst, performance.now() - last);
    },
  };
}

/** The health check's answer and how long it took, asked while the import runs. */
async function timedHealth(): Promise<{ status: number; ms: number }> {
  const get = await routeOf("app/api/health/route.ts", "GET");
  const started = performance.now();
  const response = await get(new Request("http://localhost/api/health"));
  return { status: response.status, ms: performance.now() - started };
}

afterEach(() => {
  session.user = null;
});

describe("the enterprise import against an .xlsx that unpacks to hundreds of megabytes", () => {
  it("answers 413 in Chinese at once from the ZIP's directory, and the health check stays fast", async () => {
    session.user = financeAdmin();
    const bomb = xlsxBomb({ unpackedBytes: 300 * MB });
    expect(bomb.byteLength).toBeLessThan(1 * MB);
    const post = await routeOf("app/(portal)/import/enterprises/file/route.ts", "POST");
    await timedHealth(); // the first call loads the route and opens the pool

    const loop = watchEventLoop();
    const started = performance.now();
    const answer = post(upload(bomb));
    const health = await timedHealth();
    const response = await answer;
    const text = await response.text();
    const ms = performance.now() - started;
    const lag = loop.stop();

    expect(response.status).toBe(413);
    expect(text).toMatch(/解压/);
    expect(ms).toBeLessThan(3000);
    expect(health).toMatchObject({ status: 200 });
    expect(health.ms).toBeLessThan(1000);
    expect(lag).toBeLessThan(1000);
  });

  it("stops a file whose directory understates its sizes while inflating, off the event loop", async () => {
    session.user = financeAdmin();
    // The directory claims 1,000 bytes for a worksheet that inflates to 200 MB.
    const liar = xlsxBomb({ unpackedBytes: 200 * MB, declaredSheetBytes: 1000 });
    const post = await routeOf("app/(portal)/import/enterprises/file/route.ts", "POST");
    await timedHealth();

    const loop = watchEventLoop();
    const started = performance.now();
    const response = await post(upload(liar));
    const health = await timedHealth();
    const lines = (await response.text()).trim().split("\n");
    const ms = performance.now() - started;
    const lag = loop.stop();

    expect(lag).toBeLessThan(1000);
    expect(health).toMatchObject({ status: 200 });
    expect(health.ms).toBeLessThan(1000);
    const result = JSON.parse(lines.at(-1)!) as { type: string; ok?: boolean; fileError?: { code: string } };
    expect(result).toMatchObject({ type: "result", ok: false, fileError: { code: "unpackedTooLarge" } });
    expect(ms).toBeLessThan(10_000);
  });
});
