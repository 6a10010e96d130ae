/**
 * Account lockout on the real database: 5 wrong passwords in a row → 15 minutes locked.
 * The counter and the lock live on the User row, so every app instance sees them.
 */
import { afterAll, beforeAll, describe, expect, it, beforeEach } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticate } from "@/lib/accounts/mutations/authenticate";
import { createUser, uniqueMeta, testPrisma, type TTestUser } from "@/tests/factories/users";

const T0 = new Date("2026-03-02T09:00:00.000Z");
const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + minutes * 60_000 + seconds * 1000);

// A fresh address for every test: failed sign-ins are also counted per address.
let META = uniqueMeta();
beforeEach(() => {
  META = uniqueMeta();
});

describe("account lockout", () => {
  let prisma: PrismaClient;
  beforeAll(() => {
    prisma = testPrisma();
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  const signIn = (user: TTestUser, password: string, now: Date) => authenticate(prisma, { login: user.account, password }, META, now);
  const lockState = (user: TTestUser) =>
    prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { failedSignIns: true, lockedUntil: true } });

  it("locks the account for 15 minutes after five consecutive wrong passwords, then lets the right password in again", async () => {
    const user = await createUser(prisma, { label: "lock" });

    for (let i = 1; i <= 4; i++) {
      expect(await signIn(user, "Wrong#Pass1", at(0, i))).toEqual({ ok: false, code: "invalid" });
      expect(await lockState(user)).toEqual({ failedSignIns: i, lockedUntil: null });
    }
    expect(await signIn(user, "Wrong#Pass1", at(0, 5))).toEqual({ ok: false, code: "invalid" });
    // The lock is a column of the row: 15 minutes from the fifth failure.
    expect(await lockState(user)).toEqual({ failedSignIns: 0, lockedUntil: at(15, 5) });

    // While locked, even the right password gets the same "invalid" answer, and the lock is not extended.
    expect(await signIn(user, user.password, at(1))).toEqual({ ok: false, code: "invalid" });
    expect(await signIn(user, user.password, at(15, 4))).toEqual({ ok: false, code: "invalid" });
    expect(await lockState(user)).toEqual({ failedSignIns: 0, lockedUntil: at(15, 5) });

    const after = await signIn(user, user.password, at(15, 5));
    expect(after).toMatchObject({ ok: true, userId: user.id });
    expect(await lockState(user)).toEqual({ failedSignIns: 0, lockedUntil: null });
  });

  it("resets the failure counter on a successful sign-in, so failures must be consecutive to lock", async () => {
    const user = await createUser(prisma, { label: "reset" });
    for (let i = 1; i <= 4; i++) await signIn(user, "Wrong#Pass1", at(0, i));
    expect((await lockState(user)).failedSignIns).toBe(4);

    expect(await signIn(user, user.password, at(1))).toMatchObject({ ok: true });
    expect(await lockState(user)).toEqual({ failedSignIns: 0, lockedUntil: null });

    for (let i = 1; i <= 4; i++) await signIn(user, "Wrong#Pass1", at(2, i));
    expect(await lockState(user)).toEqual({ failedSignIns: 4, lockedUntil: null });
    expect(await signIn(user, user.password, at(3))).toMatchObject({ ok: true });
  });

  it("audits every failure and the moment the account is locked", async () => {
    const user = await createUser(prisma, { label: "audit" });
    for (let i = 1; i <= 5; i++) await signIn(user, "Wrong#Pass1", at(0, i));
    await signIn(user, user.password, at(1)); // refused: locked

    const rows = await prisma.auditLog.findMany({
      where: { actorUserId: user.id },
      orderBy: { id: "asc" },
      select: { action: true, outcome: true, details: true, ip: true, userAgent: true },
    });
    const failures = rows.filter((r) => r.action === "auth.signIn" && r.outcome === "FAILURE");
    expect(failures).toHaveLength(5);
    for (const f of failures) expect(f).toMatchObject({ details: { reason: "wrongPassword" }, ip: META.ip, userAgent: META.userAgent });

    const locked = rows.filter((r) => r.action === "auth.locked");
    expect(locked).toEqual([expect.objectContaining({ outcome: "DENIED", details: { until: at(15, 5).toISOString() } })]);

    const denied = rows.filter((r) => r.action === "auth.signIn" && r.outcome === "DENIED");
    expect(denied).toEqual([expect.objectContaining({ details: { reason: "locked" } })]);
    expect(rows.some((r) => r.action === "auth.signIn" && r.outcome === "SUCCESS")).toBe(false);
  });

  it("counts parallel wrong passwords one by one: exactly one lock, never more than five failures", async () => {
    const user = await createUser(prisma, { label: "race" });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(user, "Wrong#Pass1", at(0, i))));
    for (const a of answers) expect(a).toStrictEqual({ ok: false, code: "invalid" });
    expect((await lockState(user)).lockedUntil).not.toBeNull();
    const rows = await prisma.auditLog.findMany({ where: { actorUserId: user.id }, select: { action: true, outcome: true } });
    expect(rows.filter((r) => r.action === "auth.locked")).toHaveLength(1);
    expect(rows.filter((r) => r.action === "auth.signIn" && r.outcome === "FAILURE")).toHaveLength(5);
    expect(rows.filter((r) => r.action === "auth.signIn" && r.outcome === "DENIED")).toHaveLength(3);
  });
});
