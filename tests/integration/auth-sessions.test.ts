/**
 * Server-side sessions: the cookie only names a Session row, and loadSessionUser decides
 * on every request whether it is still good (idle 30 min, absolute 12 h, sign-out,
 * password change, deactivation, role change).
 */
import { afterAll, beforeAll, describe, expect, it, beforeEach } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticate } from "@/lib/accounts/mutations/authenticate";
import { changePassword } from "@/lib/accounts/mutations/change-password";
import { endAllSessions, endSession } from "@/lib/accounts/mutations/end-sessions";
import { loadSessionUser } from "@/lib/accounts/queries/load-session-user";
import { createUser, uniqueMeta, testPrisma, type TTestUser } from "@/tests/factories/users";

const T0 = new Date("2026-03-02T09:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

// A fresh address for every test: failed sign-ins are also counted per address.
let META = uniqueMeta();
beforeEach(() => {
  META = uniqueMeta();
});

describe("server-side sessions", () => {
  let prisma: PrismaClient;
  beforeAll(() => {
    prisma = testPrisma();
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  async function signIn(user: TTestUser, now = T0, password = user.password): Promise<string> {
    const result = await authenticate(prisma, { login: user.account, password }, META, now);
    if (!result.ok) throw new Error(`sign-in refused: ${result.code}`);
    return result.sessionId;
  }
  const sessionRow = (id: string) =>
    prisma.session.findUniqueOrThrow({ where: { id }, select: { revokedAt: true, revokeReason: true, lastSeenAt: true } });

  it("is valid right after sign-in", async () => {
    const user = await createUser(prisma, { label: "fresh" });
    const sessionId = await signIn(user);
    expect(await loadSessionUser(prisma, sessionId, T0)).toMatchObject({
      ok: true,
      user: { sessionId, userId: user.id, account: user.account },
    });
  });

  it("ends after 31 minutes idle and marks the row revoked", async () => {
    const user = await createUser(prisma, { label: "idle" });
    const sessionId = await signIn(user);
    expect(await loadSessionUser(prisma, sessionId, at(31))).toStrictEqual({ ok: false, reason: "idle" });
    expect(await sessionRow(sessionId)).toMatchObject({ revokedAt: at(31), revokeReason: "idle" });
    // Gone for good: a later request is refused as revoked.
    expect(await loadSessionUser(prisma, sessionId, at(32))).toStrictEqual({ ok: false, reason: "revoked" });
  });

  it("stays valid with activity every 20 minutes until 12 hours, then expires", async () => {
    const user = await createUser(prisma, { label: "absolute" });
    const sessionId = await signIn(user);
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      const result = await loadSessionUser(prisma, sessionId, at(minute));
      expect(result.ok, `at +${minute} min`).toBe(true);
    }
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(at(12 * 60 - 20));
    expect(await loadSessionUser(prisma, sessionId, at(12 * 60))).toStrictEqual({ ok: false, reason: "expired" });
    expect(await sessionRow(sessionId)).toMatchObject({ revokedAt: at(12 * 60), revokeReason: "expired" });
  });

  it("refuses a captured cookie after sign-out", async () => {
    const user = await createUser(prisma, { label: "signout" });
    const sessionId = await signIn(user);
    const other = await signIn(user, at(1));
    await endSession(prisma, sessionId, "signOut", at(2));
    expect(await loadSessionUser(prisma, sessionId, at(3))).toStrictEqual({ ok: false, reason: "revoked" });
    // Signing out one browser leaves the others alone.
    expect((await loadSessionUser(prisma, other, at(3))).ok).toBe(true);
  });

  it("refuses every session of the user after a password change; the new password works and the old does not", async () => {
    const user = await createUser(prisma, { label: "pwchange" });
    // Real time here: changePassword stamps revokedAt with the clock.
    const now = new Date();
    const first = await signIn(user, now);
    const second = await signIn(user, now);
    const newPassword = "Neu#Passwort2027";
    await changePassword(prisma, { userId: user.id, currentPassword: user.password, newPassword }, META);

    for (const id of [first, second]) expect(await loadSessionUser(prisma, id, now)).toStrictEqual({ ok: false, reason: "revoked" });
    expect(await authenticate(prisma, { login: user.account, password: user.password }, META, now)).toStrictEqual({
      ok: false,
      code: "invalid",
    });
    const fresh = await signIn(user, now, newPassword);
    expect((await loadSessionUser(prisma, fresh, now)).ok).toBe(true);
  });

  it("refuses sessions of a user deactivated the way user management does it (active=false and endAllSessions)", async () => {
    const user = await createUser(prisma, { label: "deact" });
    const sessionId = await signIn(user);
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { active: false } });
      await endAllSessions(tx, user.id, "deactivated", at(1));
    });
    expect(await loadSessionUser(prisma, sessionId, at(2))).toStrictEqual({ ok: false, reason: "revoked" });
    expect(await sessionRow(sessionId)).toMatchObject({ revokedAt: at(1), revokeReason: "deactivated" });
  });

  it("refuses sessions of a user only flagged inactive, without ending the sessions", async () => {
    const user = await createUser(prisma, { label: "flagged" });
    const sessionId = await signIn(user);
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadSessionUser(prisma, sessionId, at(1))).toStrictEqual({ ok: false, reason: "inactive" });
    expect(await sessionRow(sessionId)).toMatchObject({ revokedAt: at(1), revokeReason: "inactive" });
    // Reactivating does not bring the ended session back.
    await prisma.user.update({ where: { id: user.id }, data: { active: true } });
    expect(await loadSessionUser(prisma, sessionId, at(2))).toStrictEqual({ ok: false, reason: "revoked" });
  });

  it("refuses sessions of a user whose organization is deactivated", async () => {
    const user = await createUser(prisma, { label: "orgoff" });
    const sessionId = await signIn(user);
    await prisma.organization.update({ where: { id: user.orgId }, data: { active: false } });
    expect(await loadSessionUser(prisma, sessionId, at(1))).toStrictEqual({ ok: false, reason: "inactive" });
  });

  it("refuses sessions older than a sessionVersion bump (role change), and accepts new ones", async () => {
    const user = await createUser(prisma, { label: "role" });
    const before = await signIn(user);
    await prisma.user.update({ where: { id: user.id }, data: { role: "ENTERPRISE_MEMBER", sessionVersion: { increment: 1 } } });
    expect(await loadSessionUser(prisma, before, at(1))).toStrictEqual({ ok: false, reason: "version" });
    const after = await signIn(user, at(2));
    expect(await loadSessionUser(prisma, after, at(3))).toMatchObject({ ok: true, user: { role: "ENTERPRISE_MEMBER" } });
  });

  it("answers missing for a session id that never existed", async () => {
    expect(await loadSessionUser(prisma, "00000000-0000-4000-8000-000000000000", T0)).toStrictEqual({ ok: false, reason: "missing" });
  });
});
