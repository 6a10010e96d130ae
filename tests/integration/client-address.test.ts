/**
 * The client address cannot be forged with X-Forwarded-For. The attack: a visitor sends
 * its own X-Forwarded-For (and a new one on every request). Before, the portal believed
 * the header: the forged address went into the audit log, and rotating it let one
 * address register 12 enterprises where the limit is 5. Now the address is the TCP
 * peer's (stamped by the server entry, scripts/server.ts), unless that peer is a
 * configured trusted proxy.
 *
 * Two servers: a plain Node server that stamps requests the way the entry does and
 * registers with the request's metadata (the limit needs a database of its own, since
 * every request here comes from 127.0.0.1), and the portal itself, started through the
 * entry in development mode, signed in to through Auth.js's endpoint (which also answers
 * 429 once the address is over its sign-in limit: lib/auth/sign-in-throttle.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { submitRegistration } from "@/lib/registry/mutations/submit-registration";
import { REGISTRATION_LIMIT } from "@/lib/registry/registration-limit";
import { makeUscc } from "@/lib/registry/uscc";
import { SIGN_IN_THROTTLE, windowStart } from "@/lib/auth/sign-in-throttle";
import { metaFromHeaders } from "@/lib/server/auth/request-meta";
import { PEER_ADDRESS_HEADER, stampPeerAddress } from "@/lib/server/client-address";
import { createPrismaClient } from "@/lib/server/db";
import { freePort, waitUntilReady } from "@/scripts/e2e/next-start";
import { serverEntryArgs } from "@/scripts/run-next";
import { migrate } from "@/scripts/db/migrate";
import { createFreshDatabase, type FreshDatabase } from "./harness";

const ROOT = path.resolve(__dirname, "../..");
const rng = { next: () => randomInt(0, 1_000_000) / 1_000_000 };

function headersOf(req: IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") h.set(k, v);
  return h;
}

let fresh: FreshDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  fresh = await createFreshDatabase("client_address");
  await migrate(fresh.url, { onLog: () => {} });
  prisma = createPrismaClient(fresh.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await fresh?.drop();
});

describe("registration behind a rotating, forged X-Forwarded-For", () => {
  let server: Server;
  let base: string;
  let parkId: string;

  beforeAll(async () => {
    const org = await prisma.organization.create({ data: { kind: OrgKind.PARK, name: "地址测试园区" }, select: { id: true } });
    parkId = (await prisma.park.create({ data: { orgId: org.id, code: "CA-1" }, select: { id: true } })).id;
    server = createServer((req, res) => {
      stampPeerAddress(req);
      const tag = randomBytes(4).toString("hex");
      const password = "Qiye#2026pass";
      const input = {
        uscc: makeUscc(rng),
        name: `地址测试科技有限公司${tag}`,
        parkId,
        industrySection: "C",
        size: "SMALL",
        contactName: "赵一鸣",
        contactMobile: `137${String(randomInt(0, 100_000_000)).padStart(8, "0")}`,
        account: `ca.${tag}`,
        password,
        confirmPassword: password,
      } as const;
      submitRegistration(prisma, input, metaFromHeaders(headersOf(req))).then(
        () => res.end("ok"),
        (e: unknown) => res.end(e instanceof AppError ? e.code : "error"),
      );
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await new Promise((r) => server?.close(r));
  });

  it("counts every attempt against the socket address: 5 accepted of 12, each audited as 127.0.0.1", async () => {
    const answers: string[] = [];
    for (let i = 1; i <= 12; i++) {
      const r = await fetch(`${base}/`, { headers: { "x-forwarded-for": `198.51.100.${i}`, [PEER_ADDRESS_HEADER]: `198.51.100.${i}` } });
      answers.push(await r.text());
    }
    expect(answers.filter((a) => a === "ok")).toHaveLength(REGISTRATION_LIMIT.perAddress);
    expect(answers.slice(REGISTRATION_LIMIT.perAddress).every((a) => a === "rateLimited")).toBe(true);
    const rows = await prisma.auditLog.findMany({ where: { action: "registration.submitted" }, select: { ip: true } });
    expect(rows.map((r) => r.ip)).toEqual(Array(REGISTRATION_LIMIT.perAddress).fill("127.0.0.1"));
  });
});

describe("the portal's server entry", () => {
  let child: ChildProcess | undefined;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    child = spawn(process.execPath, [...serverEntryArgs(), "dev", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: fresh.url,
        AUTH_SECRET: randomBytes(32).toString("base64"),
        JOBS_IN_PROCESS: "false",
        NEXT_TELEMETRY_DISABLED: "1",
        TRUSTED_PROXIES: "",
      },
      stdio: "ignore",
      detached: true,
    });
    base = `http://127.0.0.1:${port}`;
    await waitUntilReady(`${base}/api/auth/csrf`, child, "portal (dev)", 110_000);
  });

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((r) => child!.once("exit", r));
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }
  });

  it("audits a sign-in with the socket address, not the X-Forwarded-For or peer header the client sent", async () => {
    const forged = { "x-forwarded-for": "203.0.113.66", [PEER_ADDRESS_HEADER]: "203.0.113.67" };
    const csrf = await fetch(`${base}/api/auth/csrf`, { headers: forged });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const login = `nobody.${randomBytes(4).toString("hex")}`;
    const answer = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { ...forged, cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, login, password: "Wrong#Pass1" }),
    });
    await answer.arrayBuffer();
    const rows = await prisma.auditLog.findMany({
      where: { action: "auth.signIn", details: { path: ["login"], equals: login } },
      select: { ip: true },
    });
    expect(rows.map((r) => r.ip)).toEqual([expect.stringMatching(/^(127\.0\.0\.1|::1)$/)]);
  });

  it("does not believe X-Forwarded-Proto or X-Forwarded-Host from an address that is not a trusted proxy", async () => {
    // HSTS is sent when the TLS proxy reports HTTPS: a forged report from a client is not one.
    const forgedHttps = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-proto": "https" } });
    await forgedHttps.arrayBuffer();
    expect(forgedHttps.headers.get("strict-transport-security")).toBeNull();
    // A cross-site server action call that names the attacker's site as the forwarded host
    // would pass the same-origin check; from a client it is refused as a foreign Origin.
    const forgedHost = await fetch(`${base}/`, {
      method: "POST",
      headers: {
        origin: "https://evil.example",
        "x-forwarded-host": "evil.example",
        "next-action": "0".repeat(42),
        "content-type": "text/plain",
      },
      body: "[]",
    });
    expect(forgedHost.status).toBe(403);
    expect(await forgedHost.text()).toMatch(/来源/);
  });

  it("answers 429 with a Chinese message and Retry-After once the address is over its sign-in limit, whatever X-Forwarded-For it sends", async () => {
    const { perAddress } = SIGN_IN_THROTTLE;
    // This address's failures fill its window (and the next, should the clock cross into it).
    for (const at of [Date.now(), Date.now() + perAddress.windowMinutes * 60_000]) {
      const start = windowStart(new Date(at), perAddress.windowMinutes);
      await prisma.attemptCounter.upsert({
        where: { scope_key_windowStart: { scope: perAddress.scope, key: "127.0.0.1", windowStart: start } },
        create: { scope: perAddress.scope, key: "127.0.0.1", windowStart: start, count: perAddress.limit },
        update: { count: perAddress.limit },
      });
    }
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    for (const forged of ["198.51.100.7", "198.51.100.8"]) {
      const answer = await fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "x-forwarded-for": forged, cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, login: "nobody", password: "Wrong#Pass1" }),
      });
      expect(answer.status).toBe(429);
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await answer.text()).toMatch(/登录失败次数过多，请 \d+ 分钟后再试/);
    }
  });
});
