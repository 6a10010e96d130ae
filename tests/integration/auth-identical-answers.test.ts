/**
 * A sign-in never tells whether an account exists: unknown, wrong password, deactivated
 * and locked all answer exactly the same, and an unknown account still costs one Argon2
 * verification.
 */
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it, beforeEach } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticate } from "@/lib/accounts/mutations/authenticate";
import { createUser, uniqueMeta, testPrisma, uniqueTag } from "@/tests/factories/users";

const NOW = new Date("2026-03-02T09:00:00.000Z");
const INVALID = { ok: false, code: "invalid" };

// A fresh address for every test: failed sign-ins are also counted per address.
let META = uniqueMeta();
beforeEach(() => {
  META = uniqueMeta();
});

describe("identical answers for every kind of refused sign-in", () => {
  let prisma: PrismaClient;
  beforeAll(() => {
    prisma = testPrisma();
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  const signIn = (login: string, password: string, now = NOW) => authenticate(prisma, { login, password }, META, now);

  it("answers unknown account, wrong password, deactivated account and a wrong password on a locked account with the same value", async () => {
    const unknown = await signIn(`nobody.${uniqueTag()}`, "Wrong#Pass1");

    const user = await createUser(prisma, { label: "same" });
    const wrong = await signIn(user.account, "Wrong#Pass1");

    const inactive = await createUser(prisma, { label: "off", active: false });
    const deactivated = await signIn(inactive.account, inactive.password);

    const lockedUser = await createUser(prisma, { label: "locked" });
    await prisma.user.update({ where: { id: lockedUser.id }, data: { lockedUntil: new Date(NOW.getTime() + 10 * 60_000) } });
    // A stranger, who does not know the password, learns nothing from the lock …
    const locked = await signIn(lockedUser.account, "Wrong#Pass1");

    for (const answer of [unknown, wrong, deactivated, locked]) expect(answer).toStrictEqual(INVALID);
    // … the owner, who does, is told it is locked (auth-lockout.test.ts).
    expect(await signIn(lockedUser.account, lockedUser.password)).toMatchObject({ ok: false, code: "locked" });
  });

  it("refuses a user of a deactivated organization with the same answer", async () => {
    const user = await createUser(prisma, { label: "orgoff" });
    await prisma.organization.update({ where: { id: user.orgId }, data: { active: false } });
    expect(await signIn(user.account, user.password)).toStrictEqual(INVALID);
  });

  it("takes about as long for an unknown account as for a wrong password (Argon2 runs in both)", async () => {
    const user = await createUser(prisma, { label: "timing" });
    const time = async (login: string) => {
      const start = performance.now();
      expect(await signIn(login, "Wrong#Pass1", new Date(NOW.getTime() - 3_600_000))).toStrictEqual(INVALID);
      return performance.now() - start;
    };
    // Warm up (the dummy hash is computed on first need), then alternate so drift hits both alike.
    await time(`nobody.${uniqueTag()}`);
    const unknownMs: number[] = [];
    const wrongMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      unknownMs.push(await time(`nobody.${uniqueTag()}`));
      wrongMs.push(await time(user.account)); // 4 failures: stays below the lockout
      if (i === 3) await prisma.user.update({ where: { id: user.id }, data: { failedSignIns: 0 } });
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknownMs) / median(wrongMs);
    expect(ratio, `unknown ${unknownMs.map(Math.round)} ms vs wrong ${wrongMs.map(Math.round)} ms`).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(3);
  });
});
