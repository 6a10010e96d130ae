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

    // While locked, the right password is told the account is locked and until when (and
    // not signed in); a wrong one gets the usual "invalid". The lock is not extended.
    expect(await signIn(user, user.password, at(1))).toEqual({ ok: false, code: "locked", lockedUntil: at(15, 5) });
    expect(await signIn(user, "Wrong#Pass1", at(2))).toEqual({ ok: false, code: "invalid" });
    expect(await signIn(user, user.password, at(15, 4))).toEqual({ ok: false, code: "locked", lockedUntil: at(15, 5) });
    expect(await lockState(user)).toEqual({ failedSignIns: 1, lockedUntil: at(15, 5) });

    const after = await signIn(user, user.password, at(15, 5));
    expect(after).toMatchObject({ ok: true, userId: user.id });
    expect(await lockState(user)).toEqual({ failedSignIns: 0, lockedUntil: null });
  });

  it("tells the locked answer only for the first five guesses of a lock, so the lock cannot be used to test passwords", async () => {
    const user = await createUser(prisma, { label: "oracle" });
    for (let i = 1; i <= 5; i++) await signIn(user, "Wrong#Pass1", at(0, i));
    for (let i = 1; i <= 4; i++) expect(await signIn(user, `Wrong#Pass${i + 1}`, at(1, i))).toEqual({ ok: false, code: "invalid" });
    expect(await signIn(user, user.password, at(2))).toMatchObject({ code: "locked" });
    expect(await signIn(user, "Wrong#Pass9", at(2, 1))).toEqual({ ok: false, code: "invalid" });
    // The fifth wrong guess of this lock closes it: the right password now gets "invalid" too.
    expect(await signIn(user, user.password, at(3))).toEqual({ ok: false, code: "invalid" });
    // When the lock ends, the right password signs in and every counter is clear.
    expect(await signIn(user, user.password, at(15, 5))).toMatchObject({ ok: true });
    expect(await lockState(user)).toEqual({ failedSignIns: 0, lockedUntil: null });
  });

  it("notifies the owner once when the account is locked, in the app and by e-mail", async () => {
    const user = await createUser(prisma, { label: "notify" });
    await prisma.user.update({ where: { id: user.id }, data: { email: `${user.account}@example.invalid` } });
    for (let i = 1; i <= 4; i++) await signIn(user, "Wrong#Pass1", at(0, i));
    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(0);
    await signIn(user, "Wrong#Pass1", at(0, 5));
    for (let i = 1; i <= 3; i++) await signIn(user, "Wrong#Pass1", at(1, i)); // while locked: no second notice

    const notes = await prisma.notification.findMany({
      where: { userId: user.id },
      select: { id: true, kind: true, title: true, body: true },
    });
    expect(notes).toEqual([expect.objectContaining({ kind: "account.locked", title: "您的账号已被锁定" })]);
    expect(notes[0]!.body).toContain("忘记密码");
    expect(notes[0]!.body).toContain("15 分钟");
    const jobs = await prisma.job.findMany({
      where: { kind: "email.send", dedupeKey: `email:${notes[0]!.id}` },
      select: { payload: true },
    });
    expect(jobs).toEqual([{ payload: { notificationId: notes[0]!.id } }]);
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
    expect(denied).toEqual([expect.objectContaining({ details: { reason: "locked", passwordRight: true } })]);
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
