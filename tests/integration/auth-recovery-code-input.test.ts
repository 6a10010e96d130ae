/**
 * Recovery codes typed the way people type them. lib/auth/recovery-codes.ts reads a code
 * with any separator (full-width "－" from a Chinese IME, en dash, "_", none at all) and
 * full-width characters; authenticate() must route such input to the recovery-code check
 * rather than to the 6-digit TOTP check.
 */
import { afterAll, beforeAll, describe, expect, it, beforeEach } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticate } from "@/lib/accounts/mutations/authenticate";
import { hashRecoveryCode } from "@/lib/auth/recovery-codes";
import { generateTotpSecret } from "@/lib/auth/totp";
import { createUser, uniqueMeta, testPrisma, type TTestUser } from "@/tests/factories/users";

const NOW = new Date("2026-03-02T09:00:00.000Z");

// A fresh address for every test: failed sign-ins are also counted per address.
let META = uniqueMeta();
beforeEach(() => {
  META = uniqueMeta();
});

describe("recovery codes as typed at sign-in", () => {
  let prisma: PrismaClient;
  beforeAll(() => {
    prisma = testPrisma();
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  /** A user with TOTP on and exactly these recovery codes. */
  async function userWithCodes(codes: string[]): Promise<TTestUser> {
    const user = await createUser(prisma, { label: "rc", role: "FINANCE_STAFF" });
    await prisma.user.update({
      where: { id: user.id },
      data: { totpSecret: generateTotpSecret(), totpEnabledAt: NOW, recoveryCodes: codes.map(hashRecoveryCode) },
    });
    return user;
  }
  const signIn = (user: TTestUser, totp: string) => authenticate(prisma, { login: user.account, password: user.password, totp }, META, NOW);

  it.each([
    ["with the dash", "k7m2-x9qp"],
    ["without a separator", "k7m2x9qp"],
    ["in capitals with a space", "K7M2 X9QP"],
    ["with a full-width dash (Chinese IME)", "k7m2－x9qp"],
    ["in full-width characters (Chinese IME)", "ｋ７ｍ２－ｘ９ｑｐ"],
    ["with an en dash (autocorrect)", "k7m2–x9qp"],
  ])("accepts a recovery code typed %s", async (_how, typed) => {
    const user = await userWithCodes(["k7m2-x9qp"]);
    expect(await signIn(user, typed)).toMatchObject({ ok: true });
  });

  it("accepts an all-digit recovery code typed without the dash", async () => {
    const user = await userWithCodes(["2345-6789"]);
    expect(await signIn(user, "23456789")).toMatchObject({ ok: true });
  });
});
