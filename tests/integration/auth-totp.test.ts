/**
 * The second factor at sign-in, for a user who enrolled TOTP through the real enrolment
 * functions: codes are one-time (replay refused), expire after the ±1 step window, and
 * recovery codes are consumed.
 */
import { afterAll, beforeAll, describe, expect, it, beforeEach } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticate } from "@/lib/accounts/mutations/authenticate";
import { confirmTotpEnrolment, pendingTotpEnrolment } from "@/lib/accounts/mutations/confirm-totp-enrolment";
import { currentTotp } from "@/lib/auth/totp";
import { createUser, uniqueMeta, testPrisma, type TTestUser } from "@/tests/factories/users";

const T0 = new Date("2026-03-02T09:00:00.000Z"); // a step boundary (multiple of 30 s)
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

type TTotpUser = TTestUser & { secret: string; recoveryCodes: string[] };

/** A 6-digit code that no step of the ±1 window around `now` accepts. */
function wrongCode(secret: string, now: Date): string {
  const window = [-30, 0, 30].map((s) => currentTotp(secret, new Date(now.getTime() + s * 1000)));
  let n = 0;
  while (window.includes(String(n).padStart(6, "0"))) n++;
  return String(n).padStart(6, "0");
}

// A fresh address for every test: failed sign-ins are also counted per address.
let META = uniqueMeta();
beforeEach(() => {
  META = uniqueMeta();
});

describe("TOTP at sign-in", () => {
  let prisma: PrismaClient;
  beforeAll(() => {
    prisma = testPrisma();
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  /** Enrolled at T0 (so the step of T0 is already used). */
  async function createTotpUser(label: string): Promise<TTotpUser> {
    const user = await createUser(prisma, { label, role: "FINANCE_STAFF" });
    const pending = await pendingTotpEnrolment(prisma, user.id);
    const { recoveryCodes } = await confirmTotpEnrolment(prisma, { userId: user.id, code: currentTotp(pending!.secret, T0) }, META, T0);
    return { ...user, secret: pending!.secret, recoveryCodes };
  }
  const signIn = (user: TTotpUser, now: Date, totp?: string, password = user.password) =>
    authenticate(prisma, { login: user.account, password, totp }, META, now);
  const failedSignIns = async (user: TTotpUser) =>
    (await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { failedSignIns: true } })).failedSignIns;

  it("asks for the code when none is given, without counting a failure", async () => {
    const user = await createTotpUser("need");
    for (let i = 0; i < 6; i++) expect(await signIn(user, at(60 + i))).toStrictEqual({ ok: false, code: "totpRequired" });
    expect(await failedSignIns(user)).toBe(0);
    expect(await signIn(user, at(90), currentTotp(user.secret, at(90)))).toMatchObject({ ok: true });
  });

  it("refuses a wrong code as totpInvalid and counts it as a failure", async () => {
    const user = await createTotpUser("wrong");
    expect(await signIn(user, at(60), wrongCode(user.secret, at(60)))).toStrictEqual({ ok: false, code: "totpInvalid" });
    expect(await failedSignIns(user)).toBe(1);
  });

  it("accepts a correct code once and refuses the same code again (replay)", async () => {
    const user = await createTotpUser("replay");
    const code = currentTotp(user.secret, at(60));
    expect(await signIn(user, at(60), code)).toMatchObject({ ok: true, userId: user.id });
    expect(await signIn(user, at(65), code)).toStrictEqual({ ok: false, code: "totpInvalid" });
    // The next step's code is fine.
    expect(await signIn(user, at(90), currentTotp(user.secret, at(90)))).toMatchObject({ ok: true });
  });

  it("refuses the code used for enrolment (same step) at sign-in", async () => {
    const user = await createTotpUser("enrolcode");
    expect(await signIn(user, at(5), currentTotp(user.secret, T0))).toStrictEqual({ ok: false, code: "totpInvalid" });
  });

  it("refuses a code from three steps ago as expired, but accepts one from the previous step", async () => {
    const user = await createTotpUser("expired");
    const now = at(300);
    expect(await signIn(user, now, currentTotp(user.secret, at(300 - 90)))).toStrictEqual({ ok: false, code: "totpInvalid" });
    expect(await signIn(user, now, currentTotp(user.secret, at(300 - 30)))).toMatchObject({ ok: true });
  });

  it("accepts a recovery code once, consumes it, and refuses it the second time", async () => {
    const user = await createTotpUser("recovery");
    const stored = async () =>
      (await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { recoveryCodes: true } })).recoveryCodes.length;
    expect(await stored()).toBe(user.recoveryCodes.length);
    const code = user.recoveryCodes[0]!;

    expect(await signIn(user, at(60), code)).toMatchObject({ ok: true });
    expect(await stored()).toBe(user.recoveryCodes.length - 1);
    const used = await prisma.auditLog.findFirst({ where: { actorUserId: user.id, action: "auth.recoveryCodeUsed" } });
    expect(used?.details).toEqual({ remaining: user.recoveryCodes.length - 1 });

    expect(await signIn(user, at(120), code)).toStrictEqual({ ok: false, code: "totpInvalid" });
    expect(await stored()).toBe(user.recoveryCodes.length - 1);
    // Another unused one still works.
    expect(await signIn(user, at(180), user.recoveryCodes[1]!)).toMatchObject({ ok: true });
    expect(await stored()).toBe(user.recoveryCodes.length - 2);
  });

  it("does not ask for the second factor before the password is right", async () => {
    const user = await createTotpUser("order");
    expect(await signIn(user, at(60), undefined, "Wrong#Pass1")).toStrictEqual({ ok: false, code: "invalid" });
    expect(await signIn(user, at(60), currentTotp(user.secret, at(60)), "Wrong#Pass1")).toStrictEqual({ ok: false, code: "invalid" });
  });

  it("lets only one of two parallel sign-ins with the same code through", async () => {
    const user = await createTotpUser("parallel");
    const code = currentTotp(user.secret, at(60));
    const answers = await Promise.all([signIn(user, at(60), code), signIn(user, at(61), code)]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toStrictEqual([{ ok: false, code: "totpInvalid" }]);
  });

  it("lets only one of two parallel sign-ins with the same recovery code through", async () => {
    const user = await createTotpUser("parallelrc");
    const code = user.recoveryCodes[0]!;
    const answers = await Promise.all([signIn(user, at(60), code), signIn(user, at(61), code)]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    const left = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { recoveryCodes: true } });
    expect(left.recoveryCodes).toHaveLength(user.recoveryCodes.length - 1);
  });

  it("locks the account after five wrong codes, even with the right password", async () => {
    const user = await createTotpUser("bruteforce");
    for (let i = 0; i < 5; i++) {
      expect(await signIn(user, at(60 + i), wrongCode(user.secret, at(60 + i)))).toStrictEqual({ ok: false, code: "totpInvalid" });
    }
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    expect(row.lockedUntil).toEqual(at(64 + 15 * 60));
    // The right password (and code) during the lock is told the account is locked and until
    // when, as after wrong passwords (auth-lockout.test.ts); it does not get in.
    expect(await signIn(user, at(120), currentTotp(user.secret, at(120)))).toStrictEqual({
      ok: false,
      code: "locked",
      lockedUntil: at(64 + 15 * 60),
    });
  });
});
