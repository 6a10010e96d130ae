/**
 * New passwords that an attacker guesses first are refused wherever a password is chosen:
 * common ones with digits and symbols added or letters swapped (Password1, P@ssw0rd,
 * Qwerty123), ones containing the account's mobile, and the current password with its
 * digits changed. Nothing is stored when the answer is no.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { changePassword } from "@/lib/accounts/mutations/change-password";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import zhAccount from "@/lib/i18n/messages/zh-CN/account.json";
import zhRegistration from "@/lib/i18n/messages/zh-CN/registration.json";
import { submitRegistration } from "@/lib/registry/mutations/submit-registration";
import { makeUscc } from "@/lib/registry/uscc";
import { createUser, testPrisma, uniqueMeta, uniqueTag, type TTestUser } from "@/tests/factories/users";

const COMMON = [
  "Password1",
  "P@ssw0rd",
  "Qwerty123",
  "P@ssw0rd!2026",
  "Admin@123",
  "Zhangwei1990!",
  "Woaini1314!",
  "1qaz@WSX2026",
  "Rongqiao@2026",
];

let META = uniqueMeta();
beforeEach(() => {
  META = uniqueMeta();
});

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("common and guessable passwords", () => {
  let prisma: PrismaClient;
  beforeAll(() => {
    prisma = testPrisma();
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  const storedHash = async (user: TTestUser) =>
    (await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash;
  const change = (user: TTestUser, newPassword: string, currentPassword = user.password) =>
    changePassword(prisma, { userId: user.id, currentPassword, newPassword }, META);

  it("refuses common passwords on a password change, and keeps the old one", async () => {
    const user = await createUser(prisma, { label: "common" });
    const before = await storedHash(user);
    for (const password of COMMON) {
      const error = await appError(change(user, password));
      expect(error.fieldErrors, password).toEqual({ newPassword: "commonPassword" });
    }
    expect(await storedHash(user)).toBe(before);
  });

  it("refuses the current password with its year or digits changed", async () => {
    const user = await createUser(prisma, { label: "year", password: "Lantern#Kite2025" });
    for (const password of ["Lantern#Kite2026", "Lantern#Kite2026!", "lantern#kite1999", "Lantern#Kite7"]) {
      const error = await appError(change(user, password));
      expect(error.fieldErrors, password).toEqual({ newPassword: "likePrevious" });
    }
  });

  it("refuses a password containing the account's mobile number", async () => {
    const user = await createUser(prisma, { label: "mobile" });
    await prisma.user.update({ where: { id: user.id }, data: { mobile: "13912345678" } });
    expect((await appError(change(user, "Kite#13912345678"))).fieldErrors).toEqual({ newPassword: "containsMobile" });
    expect((await appError(change(user, "Kite#12345678x"))).fieldErrors).toEqual({ newPassword: "containsMobile" });
  });

  it("still accepts an uncommon password", async () => {
    const user = await createUser(prisma, { label: "fine" });
    await change(user, "Violet&Harbor73");
    expect(await verifyPassword(await storedHash(user), "Violet&Harbor73")).toBe(true);
  });

  it("refuses common passwords and the mobile number at registration", async () => {
    const tag = uniqueTag();
    const form = (password: string) => ({
      uscc: makeUscc({ next: Math.random }),
      name: `常见密码测试有限公司${tag}`,
      parkId: randomUUID(),
      industrySection: "C",
      size: "SMALL",
      contactName: "钱多多",
      contactMobile: "136 0011 2233",
      account: `weak.${tag}`,
      password,
      confirmPassword: password,
    });
    for (const password of COMMON) {
      const error = await appError(submitRegistration(prisma, form(password) as never, META));
      expect(error.fieldErrors, password).toEqual({ password: "commonPassword" });
    }
    const error = await appError(submitRegistration(prisma, form("Kite#13600112233") as never, META));
    expect(error.fieldErrors).toEqual({ password: "containsMobile" });
  });

  it("explains each refusal in Chinese", () => {
    expect(zhRegistration.registration.errors.commonPassword).toMatch(/常见/);
    expect(zhRegistration.registration.errors.containsMobile).toMatch(/手机号/);
    expect(zhAccount.account.errors.commonPassword).toMatch(/常见/);
    expect(zhAccount.account.errors.likePrevious).toMatch(/相似/);
  });
});
