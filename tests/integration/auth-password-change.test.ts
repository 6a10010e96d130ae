/**
 * changePassword enforces the password policy and the current password, and writes
 * nothing when it refuses.
 */
import { afterAll, beforeAll, describe, expect, it, beforeEach } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { changePassword } from "@/lib/accounts/mutations/change-password";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { createUser, uniqueMeta, testPrisma, type TTestUser } from "@/tests/factories/users";

// A fresh address for every test: failed sign-ins are also counted per address.
let META = uniqueMeta();
beforeEach(() => {
  META = uniqueMeta();
});

describe("changePassword", () => {
  let prisma: PrismaClient;
  beforeAll(() => {
    prisma = testPrisma();
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  async function refusal(user: TTestUser, currentPassword: string, newPassword: string): Promise<AppError> {
    const error = await changePassword(prisma, { userId: user.id, currentPassword, newPassword }, META).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  const storedHash = async (user: TTestUser) =>
    (await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash;

  it("refuses a password of fewer than three character classes as tooFewClasses", async () => {
    const user = await createUser(prisma, { label: "classes" });
    const error = await refusal(user, user.password, "alllowercaseletters");
    expect(error.code).toBe("invalidInput");
    expect(error.fieldErrors).toEqual({ newPassword: "tooFewClasses" });
  });

  it("refuses a password shorter than 8 characters as tooShort", async () => {
    const user = await createUser(prisma, { label: "short" });
    expect((await refusal(user, user.password, "Ab1#xy")).fieldErrors).toEqual({ newPassword: "tooShort" });
  });

  it("refuses a password containing the account name as containsAccount, and the same password as samePassword", async () => {
    const user = await createUser(prisma, { label: "ctx" });
    expect((await refusal(user, user.password, `X#9${user.account}`)).fieldErrors).toEqual({ newPassword: "containsAccount" });
    expect((await refusal(user, user.password, user.password)).fieldErrors).toEqual({ newPassword: "samePassword" });
  });

  it("refuses a wrong current password as currentPasswordWrong and keeps the old hash", async () => {
    const user = await createUser(prisma, { label: "current" });
    const before = await storedHash(user);
    const error = await refusal(user, "Wrong#Pass1", "Neu#Passwort2027");
    expect(error.fieldErrors).toEqual({ currentPassword: "currentPasswordWrong" });
    expect(await storedHash(user)).toBe(before);
  });

  it("counts wrong current passwords like failed sign-ins: the fifth locks the account and ends its sessions", async () => {
    const user = await createUser(prisma, { label: "guess" });
    const session = await prisma.session.create({ data: { userId: user.id, sessionVersion: 0 }, select: { id: true } });
    for (let i = 0; i < 5; i++) await refusal(user, `Guess#${i}Wrong`, "Neu#Passwort2027");
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true, sessionVersion: true } });
    expect(row.lockedUntil).not.toBeNull();
    expect(row.sessionVersion).toBe(1);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { actorUserId: user.id, action: "account.passwordChangeFailed" } })).toBe(5);
    expect(await prisma.auditLog.count({ where: { actorUserId: user.id, action: "auth.locked" } })).toBe(1);
  });

  it("counts 40 parallel wrong guesses one by one: the account locks at the fifth and no guess is checked after", async () => {
    const user = await createUser(prisma, { label: "parallel" });
    const guesses = Array.from({ length: 40 }, (_, i) => refusal(user, `Guess#${i}Wrong`, "Neu#Passwort2027"));
    for (const error of await Promise.all(guesses)) expect(error.fieldErrors).toEqual({ currentPassword: "currentPasswordWrong" });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    expect(row.lockedUntil).not.toBeNull();
    // Five guesses were checked and counted; the other 35 found the account locked.
    expect(
      await prisma.auditLog.count({ where: { actorUserId: user.id, action: "account.passwordChangeFailed", outcome: "FAILURE" } }),
    ).toBe(5);
    expect(
      await prisma.auditLog.count({ where: { actorUserId: user.id, action: "account.passwordChangeFailed", outcome: "DENIED" } }),
    ).toBe(35);
    expect(await prisma.auditLog.count({ where: { actorUserId: user.id, action: "auth.locked" } })).toBe(1);
    // Even the right password is not checked while the account is locked.
    expect((await refusal(user, user.password, "Neu#Passwort2027")).fieldErrors).toEqual({ currentPassword: "currentPasswordWrong" });
  });

  it("stores a new Argon2id hash and audits the change when everything is right", async () => {
    const user = await createUser(prisma, { label: "ok" });
    await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    await changePassword(prisma, { userId: user.id, currentPassword: user.password, newPassword: "Neu#Passwort2027" }, META);
    const row = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true, mustChangePassword: true, sessionVersion: true },
    });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, "Neu#Passwort2027")).toBe(true);
    expect(row).toMatchObject({ mustChangePassword: false, sessionVersion: 1 });
    expect(await prisma.auditLog.count({ where: { actorUserId: user.id, action: "account.passwordChanged" } })).toBe(1);
  });
});
