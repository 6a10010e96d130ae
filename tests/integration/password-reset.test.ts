/**
 * Password reset by e-mailed link and by the organization's administrator, on the real
 * database: the link works once, for 30 minutes; asking gives the same answer for any
 * login; the token is kept only as a hash (not in the reset row, the job queue or the
 * audit log); asking is throttled per login and per address.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticate } from "@/lib/accounts/mutations/authenticate";
import { resetUserPassword, sendUserResetLink } from "@/lib/accounts/mutations/manage-users";
import { RESET_MAIL_JOB, requestPasswordReset } from "@/lib/accounts/mutations/request-password-reset";
import { resetPasswordWithToken } from "@/lib/accounts/mutations/reset-password-with-token";
import { sendPasswordResetEmail } from "@/lib/accounts/mutations/send-password-reset-email";
import { hashResetToken, RESET_THROTTLE } from "@/lib/auth/password-reset";
import { AppError } from "@/lib/errors";
import type { TMailSettings } from "@/lib/notifications/mail/mail-settings";
import { createUser, testPrisma, uniqueMeta, uniqueTag, type TTestUser } from "@/tests/factories/users";
import { readMails, resetTokenIn } from "@/tests/support/read-mail";

const T0 = new Date("2026-06-01T02:00:00.000Z");
const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + minutes * 60_000 + seconds * 1000);
const NEW_PASSWORD = "Fresh#Harbor2026";

describe("password reset", () => {
  let prisma: PrismaClient;
  let mailDir: string;
  let mail: TMailSettings;
  beforeAll(async () => {
    prisma = testPrisma();
    mailDir = await mkdtemp(path.join(os.tmpdir(), "rq-reset-mail-"));
    mail = {
      config: { transport: "file", dir: mailDir, from: "融桥 <no-reply@rongqiao.local>" },
      baseUrl: "https://rongqiao.example.gov.cn",
    };
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await rm(mailDir, { recursive: true, force: true });
  });

  async function userWithEmail(label: string): Promise<TTestUser & { email: string }> {
    const user = await createUser(prisma, { label });
    const email = `${user.account}@example.invalid`;
    await prisma.user.update({ where: { id: user.id }, data: { email } });
    return { ...user, email };
  }

  /** Runs the user's pending reset e-mail job the way a worker does and returns the link's token from the mail. */
  async function mailedToken(userId: string, now: Date): Promise<string> {
    const reset = await prisma.passwordReset.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" }, select: { id: true } });
    const job = await prisma.job.findUniqueOrThrow({
      where: { dedupeKey: `password-reset:${reset.id}` },
      select: { kind: true, payload: true },
    });
    expect(job).toEqual({ kind: RESET_MAIL_JOB, payload: { resetId: reset.id } });
    expect(await sendPasswordResetEmail(prisma, reset.id, mail, now)).toBe("sent");
    const mails = (await readMails(mailDir)).filter((m) => m.file.includes(reset.id));
    expect(mails).toHaveLength(1);
    return resetTokenIn(mails[0]!.text);
  }

  const refusedAsInvalidLink = async (work: Promise<unknown>) => {
    const error = await work.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalidInput", fieldErrors: { token: "resetLinkInvalid" } });
  };

  it("e-mails a link that sets a new password once, clears a lockout and ends every session", async () => {
    const user = await userWithEmail("once");
    const meta = uniqueMeta();
    const signedIn = await authenticate(prisma, { login: user.account, password: user.password }, meta, at(-1, 0));
    expect(signedIn).toMatchObject({ ok: true });
    await prisma.user.update({ where: { id: user.id }, data: { lockedUntil: at(10) } });
    expect(await authenticate(prisma, { login: user.account, password: user.password }, meta, T0)).toMatchObject({ code: "locked" });

    expect(await requestPasswordReset(prisma, { login: user.account }, meta, T0)).toEqual({ ok: true });
    const token = await mailedToken(user.id, at(1));
    const [sent] = (await readMails(mailDir)).filter((m) => m.to.includes(user.email));
    expect(sent!.subject).toBe("融桥平台：重置密码");
    expect(sent!.text).toContain(`https://rongqiao.example.gov.cn/reset-password?token=${token}`);
    expect(sent!.text).toContain(user.account);

    await resetPasswordWithToken(prisma, { token, newPassword: NEW_PASSWORD }, meta, at(2));
    const row = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { lockedUntil: true, failedSignIns: true, mustChangePassword: true },
    });
    expect(row).toEqual({ lockedUntil: null, failedSignIns: 0, mustChangePassword: false });
    const sessions = await prisma.session.findMany({ where: { userId: user.id }, select: { revokedAt: true, revokeReason: true } });
    expect(sessions).toEqual([{ revokedAt: at(2), revokeReason: "passwordReset" }]);
    expect(await authenticate(prisma, { login: user.account, password: NEW_PASSWORD }, meta, at(3))).toMatchObject({ ok: true });
    expect(await authenticate(prisma, { login: user.account, password: user.password }, meta, at(3, 1))).toEqual({
      ok: false,
      code: "invalid",
    });

    // The same link again (a replay from the mailbox or the browser history) is refused and changes nothing.
    await refusedAsInvalidLink(resetPasswordWithToken(prisma, { token, newPassword: "Other#Harbor2027" }, meta, at(4)));
    expect(await authenticate(prisma, { login: user.account, password: NEW_PASSWORD }, meta, at(5))).toMatchObject({ ok: true });
    const refused = await prisma.auditLog.findMany({
      where: { action: "auth.passwordResetRefused", actorUserId: user.id },
      select: { details: true },
    });
    expect(refused).toEqual([{ details: { reason: "used" } }]);
  });

  it("lets only one of two parallel uses of a link through", async () => {
    const user = await userWithEmail("race");
    const meta = uniqueMeta();
    await requestPasswordReset(prisma, { login: user.account }, meta, T0);
    const token = await mailedToken(user.id, at(1));
    const results = await Promise.allSettled(
      ["Race#HarborOne26", "Race#HarborTwo26"].map((newPassword) => resetPasswordWithToken(prisma, { token, newPassword }, meta, at(2))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.auditLog.count({ where: { action: "auth.passwordResetDone", actorUserId: user.id } })).toBe(1);
  });

  it("expires 30 minutes after it was asked for", async () => {
    const meta = uniqueMeta();
    const late = await userWithEmail("late");
    await requestPasswordReset(prisma, { login: late.account }, meta, T0);
    const lateToken = await mailedToken(late.id, at(1));
    await refusedAsInvalidLink(resetPasswordWithToken(prisma, { token: lateToken, newPassword: NEW_PASSWORD }, meta, at(30)));
    expect(await authenticate(prisma, { login: late.account, password: late.password }, meta, at(31))).toMatchObject({ ok: true });

    const inTime = await userWithEmail("intime");
    await requestPasswordReset(prisma, { login: inTime.account }, meta, T0);
    const token = await mailedToken(inTime.id, at(1));
    await resetPasswordWithToken(prisma, { token, newPassword: NEW_PASSWORD }, meta, at(29, 59));
    expect(await authenticate(prisma, { login: inTime.account, password: NEW_PASSWORD }, meta, at(31))).toMatchObject({ ok: true });

    // A mail job that runs after the link expired sends nothing.
    const slow = await userWithEmail("slow");
    await requestPasswordReset(prisma, { login: slow.account }, meta, T0);
    const reset = await prisma.passwordReset.findFirstOrThrow({ where: { userId: slow.id }, select: { id: true } });
    expect(await sendPasswordResetEmail(prisma, reset.id, mail, at(30))).toBe("expired");
  });

  it("answers the same for an unknown, deactivated or address-less account, and mails nothing for them", async () => {
    const meta = uniqueMeta();
    const known = await userWithEmail("known");
    const inactive = await userWithEmail("inactive");
    await prisma.user.update({ where: { id: inactive.id }, data: { active: false } });
    const noAddress = await createUser(prisma, { label: "noaddr" });
    const answers = [];
    for (const login of [known.account, `nobody.${uniqueTag()}`, inactive.account, noAddress.account]) {
      answers.push(await requestPasswordReset(prisma, { login }, meta, T0));
    }
    for (const answer of answers) expect(answer).toStrictEqual({ ok: true });
    expect(await prisma.passwordReset.count({ where: { userId: { in: [inactive.id, noAddress.id] } } })).toBe(0);
    expect(await prisma.passwordReset.count({ where: { userId: known.id } })).toBe(1);
  });

  it("keeps only the token's hash: not in the reset row, the job queue or the audit log", async () => {
    const user = await userWithEmail("hash");
    await requestPasswordReset(prisma, { login: user.account }, uniqueMeta(), T0);
    const token = await mailedToken(user.id, at(1));
    const reset = await prisma.passwordReset.findFirstOrThrow({ where: { userId: user.id }, select: { id: true, tokenHash: true } });
    expect(reset.tokenHash).toBe(hashResetToken(token));
    expect(reset.tokenHash).not.toContain(token);
    const [found] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT (SELECT count(*) FROM "PasswordReset" WHERE row_to_json("PasswordReset".*)::text LIKE '%' || $1 || '%')
            + (SELECT count(*) FROM "Job" WHERE payload::text LIKE '%' || $1 || '%')
            + (SELECT count(*) FROM "AuditLog" WHERE details::text LIKE '%' || $1 || '%')
            + (SELECT count(*) FROM "Notification" WHERE coalesce(body, '') LIKE '%' || $1 || '%') AS n`,
      token,
    );
    expect(Number(found!.n)).toBe(0);
  });

  it("a newer link replaces the older one", async () => {
    const user = await userWithEmail("newer");
    const meta = uniqueMeta();
    await requestPasswordReset(prisma, { login: user.account }, meta, T0);
    const first = await mailedToken(user.id, at(1));
    await requestPasswordReset(prisma, { login: user.account }, meta, at(2));
    const second = await mailedToken(user.id, at(3));
    await refusedAsInvalidLink(resetPasswordWithToken(prisma, { token: first, newPassword: NEW_PASSWORD }, meta, at(4)));
    await resetPasswordWithToken(prisma, { token: second, newPassword: NEW_PASSWORD }, meta, at(5));
  });

  it("refuses an unknown token and a password the policy refuses (the link stays usable)", async () => {
    const user = await userWithEmail("policy");
    const meta = uniqueMeta();
    await refusedAsInvalidLink(resetPasswordWithToken(prisma, { token: "x".repeat(43), newPassword: NEW_PASSWORD }, meta, T0));
    await requestPasswordReset(prisma, { login: user.account }, meta, T0);
    const token = await mailedToken(user.id, at(1));
    await expect(resetPasswordWithToken(prisma, { token, newPassword: "short" }, meta, at(2))).rejects.toMatchObject({
      fieldErrors: { newPassword: "tooShort" },
    });
    await resetPasswordWithToken(prisma, { token, newPassword: NEW_PASSWORD }, meta, at(3));
  });

  it("is throttled per login and per address, before the account is looked up", async () => {
    const user = await userWithEmail("throttle");
    const meta = uniqueMeta();
    const { perLogin, perAddress } = RESET_THROTTLE;
    for (let i = 0; i < perLogin.limit; i++)
      expect(await requestPasswordReset(prisma, { login: user.account }, meta, T0)).toEqual({ ok: true });
    const refused = await requestPasswordReset(prisma, { login: user.account }, uniqueMeta(), T0);
    expect(refused).toEqual({ ok: false, code: "rateLimited", retryAt: new Date("2026-06-01T02:15:00.000Z") });
    // The same for a login nobody has: the refusal tells nothing about the account.
    const ghost = `nobody.${uniqueTag()}`;
    for (let i = 0; i < perLogin.limit; i++) await requestPasswordReset(prisma, { login: ghost }, uniqueMeta(), T0);
    expect(await requestPasswordReset(prisma, { login: ghost }, uniqueMeta(), T0)).toMatchObject({ ok: false, code: "rateLimited" });
    expect(await prisma.passwordReset.count({ where: { userId: user.id } })).toBe(perLogin.limit);

    const busy = uniqueMeta();
    for (let i = 0; i < perAddress.limit; i++) await requestPasswordReset(prisma, { login: `nobody.${uniqueTag()}` }, busy, T0);
    expect(await requestPasswordReset(prisma, { login: `nobody.${uniqueTag()}` }, busy, T0)).toMatchObject({
      ok: false,
      code: "rateLimited",
    });
    // The next window opens again.
    expect(await requestPasswordReset(prisma, { login: `nobody.${uniqueTag()}` }, busy, at(15))).toEqual({ ok: true });
  });
});

describe("password reset by the organization's administrator", () => {
  let prisma: PrismaClient;
  let mailDir: string;
  beforeAll(async () => {
    prisma = testPrisma();
    mailDir = await mkdtemp(path.join(os.tmpdir(), "rq-admin-reset-mail-"));
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await rm(mailDir, { recursive: true, force: true });
  });

  async function ownerAndMember() {
    const owner = await createUser(prisma, { role: "ENTERPRISE_OWNER", orgKind: "ENTERPRISE", label: "owner" });
    const tag = uniqueTag();
    const member = await prisma.user.create({
      data: {
        orgId: owner.orgId,
        role: "ENTERPRISE_MEMBER",
        account: `member.${tag}`,
        name: `成员 ${tag}`,
        email: `member.${tag}@example.invalid`,
      },
      select: { id: true, account: true },
    });
    const actor = { userId: owner.id, role: "ENTERPRISE_OWNER" as const, orgId: owner.orgId, orgKind: "ENTERPRISE" as const };
    return { owner, member, actor };
  }

  it("e-mails a member a reset link the administrator never sees", async () => {
    const { member, actor } = await ownerAndMember();
    const meta = uniqueMeta();
    await prisma.user.update({ where: { id: member.id }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
    await sendUserResetLink(prisma, actor, { userId: member.id }, meta);
    const reset = await prisma.passwordReset.findFirstOrThrow({ where: { userId: member.id }, select: { id: true, issuedBy: true } });
    expect(reset.issuedBy).toBe("admin");
    const settings: TMailSettings = { config: { transport: "file", dir: mailDir, from: "融桥 <no-reply@rongqiao.local>" }, baseUrl: null };
    expect(await sendPasswordResetEmail(prisma, reset.id, settings)).toBe("sent");
    const [sent] = (await readMails(mailDir)).filter((m) => m.file.includes(reset.id));
    expect(sent!.text).toContain("本机构管理员");
    await resetPasswordWithToken(prisma, { token: resetTokenIn(sent!.text), newPassword: NEW_PASSWORD }, meta);
    expect(await authenticate(prisma, { login: member.account, password: NEW_PASSWORD }, meta)).toMatchObject({
      ok: true,
      mustChangePassword: false,
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "users.resetLinkSent", targetId: member.id },
      select: { actorUserId: true },
    });
    expect(audit.actorUserId).toBe(actor.userId);
  });

  it("refuses a user outside the administrator's organization as not found, and a user without an address", async () => {
    const { actor } = await ownerAndMember();
    const stranger = await ownerAndMember();
    await expect(sendUserResetLink(prisma, actor, { userId: stranger.member.id }, uniqueMeta())).rejects.toMatchObject({
      code: "notFound",
    });
    const { member, actor: own } = await ownerAndMember();
    await prisma.user.update({ where: { id: member.id }, data: { email: null } });
    await expect(sendUserResetLink(prisma, own, { userId: member.id }, uniqueMeta())).rejects.toMatchObject({ code: "noEmail" });
    expect(await prisma.passwordReset.count({ where: { userId: { in: [member.id, stranger.member.id] } } })).toBe(0);
  });

  it("refuses a deactivated user as inactive: the link could not be used, and its mail would not be sent", async () => {
    const { member, actor } = await ownerAndMember();
    await prisma.user.update({ where: { id: member.id }, data: { active: false } });
    await expect(sendUserResetLink(prisma, actor, { userId: member.id }, uniqueMeta())).rejects.toMatchObject({ code: "inactive" });
    expect(await prisma.passwordReset.count({ where: { userId: member.id } })).toBe(0);
  });

  it("a temporary password set by the administrator clears the lock and must be changed at the next sign-in", async () => {
    const { member, actor } = await ownerAndMember();
    const meta = uniqueMeta();
    await prisma.user.update({ where: { id: member.id }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
    const { temporaryPassword } = await resetUserPassword(prisma, actor, { userId: member.id }, meta);
    expect(await authenticate(prisma, { login: member.account, password: temporaryPassword }, meta)).toMatchObject({
      ok: true,
      mustChangePassword: true,
    });
  });
});
