/**
 * Sign-in throttling by address and across the portal. The attack: one wrong password on
 * each of many accounts from one address (each account stays under its own lockout).
 * Before, 30 such attempts took under a second, every one was answered "invalid" and
 * nothing slowed down. Now an address is refused after SIGN_IN_THROTTLE.perAddress
 * failures in its window, before any password is tried, other addresses are not, and
 * the counts live in PostgreSQL, so every app instance sees the same ones.
 * Each test runs at its own instant (windows are fixed on the clock), so counts from
 * other tests never meet its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/accounts/mutations/authenticate";
import { SIGN_IN_THROTTLE, windowEnd, windowStart } from "@/lib/auth/sign-in-throttle";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createUser, testPrisma, type TTestUser } from "@/tests/factories/users";

const { perAddress, global } = SIGN_IN_THROTTLE;
const WRONG = "Wrong#Pass1";

describe("sign-in throttle", () => {
  // Two clients, two connection pools: what two app instances would be.
  let instanceA: PrismaClient;
  let instanceB: PrismaClient;
  beforeAll(() => {
    instanceA = testPrisma();
    instanceB = testPrisma();
  });
  afterAll(async () => {
    await instanceA?.$disconnect();
    await instanceB?.$disconnect();
  });

  const users = async (n: number, label: string) => {
    const made: TTestUser[] = [];
    for (let i = 0; i < n; i++) made.push(await createUser(instanceA, { label }));
    return made;
  };

  it("refuses an address that tried a wrong password on many accounts, before trying the password, and only that address", async () => {
    const now = new Date("2030-01-07T02:01:00.000Z");
    const attacker = { ip: "198.51.100.20", userAgent: "sweep" };
    const swept = await users(perAddress.limit + 10, "sweep");
    const answers = [];
    for (const u of swept) answers.push(await authenticate(instanceA, { login: u.account, password: WRONG }, attacker, now));

    const retryAt = windowEnd(windowStart(now, perAddress.windowMinutes), perAddress.windowMinutes);
    expect(answers.slice(0, perAddress.limit)).toEqual(Array(perAddress.limit).fill({ ok: false, code: "invalid" }));
    expect(answers.slice(perAddress.limit)).toEqual(Array(10).fill({ ok: false, code: "rateLimited", retryAt }));
    // The refused attempts never reached the accounts: no failure counted against them.
    const refusedAccounts = await instanceA.user.findMany({
      where: { id: { in: swept.slice(perAddress.limit).map((u) => u.id) } },
      select: { failedSignIns: true },
    });
    expect(refusedAccounts.every((u) => u.failedSignIns === 0)).toBe(true);

    // Even the right password is refused from that address, with the same answer as for an unknown account.
    const owner = swept[0]!;
    expect(await authenticate(instanceA, { login: owner.account, password: owner.password }, attacker, now)).toEqual({
      ok: false,
      code: "rateLimited",
      retryAt,
    });
    expect(await authenticate(instanceA, { login: "no.such.account", password: WRONG }, attacker, now)).toEqual({
      ok: false,
      code: "rateLimited",
      retryAt,
    });

    // Another address is not blocked by the per-address limit.
    const elsewhere = { ip: "198.51.100.21", userAgent: "owner" };
    expect(await authenticate(instanceB, { login: owner.account, password: owner.password }, elsewhere, now)).toMatchObject({ ok: true });
    // And the attacker's address may try again once its window has ended.
    expect(await authenticate(instanceB, { login: owner.account, password: owner.password }, attacker, retryAt)).toMatchObject({
      ok: true,
    });

    const audited = await instanceA.auditLog.findMany({
      where: { action: "auth.throttled", ip: attacker.ip },
      select: { outcome: true, details: true },
    });
    expect(audited).toHaveLength(12);
    expect(audited[0]).toMatchObject({ outcome: "DENIED", details: { scope: "signIn.address", retryAt: retryAt.toISOString() } });
  });

  it("shares the counts between app instances and counts parallel attempts one by one", async () => {
    const now = new Date("2030-02-11T05:01:00.000Z");
    const address = { ip: "2001:db8::20", userAgent: "parallel" };
    const targets = await users(perAddress.limit + 6, "parallel");
    const answers = await Promise.all(
      targets.map((u, i) => authenticate(i % 2 === 0 ? instanceA : instanceB, { login: u.account, password: WRONG }, address, now)),
    );
    const codes = answers.map((a) => (a.ok ? "ok" : a.code));
    expect(codes.filter((c) => c === "invalid")).toHaveLength(perAddress.limit);
    expect(codes.filter((c) => c === "rateLimited")).toHaveLength(6);
  });

  it("refuses every address while the portal-wide count is over its limit, and one throttled address cannot push it there", async () => {
    const now = new Date("2030-03-04T06:01:00.000Z");
    const portalWindow = windowStart(now, global.windowMinutes);
    const user = await createUser(instanceA, { label: "global" });
    const portalCount = () =>
      instanceA.attemptCounter.findUnique({
        where: { scope_key_windowStart: { scope: global.scope, key: "", windowStart: portalWindow } },
      });

    // An address over its own limit keeps trying: the portal's count does not grow.
    const noisy = { ip: "198.51.100.30", userAgent: "noisy" };
    for (let i = 0; i < perAddress.limit + 15; i++)
      await authenticate(instanceA, { login: "no.such.account", password: WRONG }, noisy, now);
    expect((await portalCount())?.count).toBe(perAddress.limit);

    // Another instance fills the portal's window (as failures from many addresses would).
    await instanceB.attemptCounter.update({
      where: { scope_key_windowStart: { scope: global.scope, key: "", windowStart: portalWindow } },
      data: { count: global.limit },
    });
    const fresh = { ip: "198.51.100.31", userAgent: "fresh" };
    const retryAt = windowEnd(portalWindow, global.windowMinutes);
    expect(await authenticate(instanceA, { login: user.account, password: user.password }, fresh, now)).toEqual({
      ok: false,
      code: "rateLimited",
      retryAt,
    });
    // Refused by the portal's limit, not counted against the address.
    const addressRow = await instanceA.attemptCounter.findFirst({ where: { scope: perAddress.scope, key: fresh.ip } });
    expect(addressRow?.count ?? 0).toBe(0);
    expect(await authenticate(instanceA, { login: user.account, password: user.password }, fresh, retryAt)).toMatchObject({ ok: true });
  });

  it("does not count a right password, so people signing in from one shared address are never throttled", async () => {
    const now = new Date("2030-04-01T01:01:00.000Z");
    const office = { ip: "198.51.100.40", userAgent: "office" };
    const staff = await users(3, "office");
    for (let round = 0; round < perAddress.limit; round++) {
      const u = staff[round % staff.length]!;
      expect(await authenticate(instanceA, { login: u.account, password: u.password }, office, now)).toMatchObject({ ok: true });
    }
    const row = await instanceA.attemptCounter.findFirst({ where: { scope: perAddress.scope, key: office.ip } });
    expect(row?.count ?? 0).toBe(0);
  });
});
