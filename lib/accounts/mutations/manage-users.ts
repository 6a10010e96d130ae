import { randomInt } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { checkPasswordPolicy, hashPassword } from "@/lib/auth/password";
import type { TActor } from "@/lib/auth/permissions";
import { isNothing, userScope } from "@/lib/auth/scopes";
import { AppError } from "@/lib/errors";
import { loadUserScopeContext, manageableOrgScope } from "@/lib/accounts/queries/list-manageable-users";
import { isUuid } from "@/lib/ids";
import { mayAssignRole, type TChangeRoleInput, type TCreateUserInput, type TNewUserFields } from "../schemas";
import type { TRequestMeta } from "./authenticate";
import { endAllSessions } from "./end-sessions";
import { createPasswordReset } from "./request-password-reset";

// User management by an administrator of the user's organization (the finance admin for
// everyone, a bank manager for its bank and the banks below it, a park window and an
// enterprise owner for their own). Every change runs in one transaction that re-reads the
// target through userScope — an id outside the actor's organizations is "notFound",
// whether or not it exists — and writes its audit entry.

type TTx = Prisma.TransactionClient;

// ── temporary passwords ──

// No look-alikes (0/O, 1/l/I), nothing that needs escaping when read out or typed.
const LOWER = "abcdefghijkmnpqrstuvwxyz";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const SYMBOLS = "!@#$%*-_+=?";
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;
export const TEMPORARY_PASSWORD_LENGTH = 16;

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)]!;
}

/**
 * A random password from node:crypto: 16 characters, every one of the four classes, and
 * accepted by checkPasswordPolicy for this account. Shown once to the administrator; the
 * user must change it at first sign-in.
 */
export function generateTemporaryPassword(context: { account?: string; name?: string } = {}): string {
  for (;;) {
    const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < TEMPORARY_PASSWORD_LENGTH) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join("");
    if (checkPasswordPolicy(password, context) === null) return password;
  }
}

// ── creating ──

function uniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Inserts a user with a temporary password (mustChangePassword). Account and mobile must
 * be unique: errors name the form field, `fieldPrefix` + "account" / "mobile".
 */
export async function insertUserWithTemporaryPassword(
  tx: TTx,
  input: TNewUserFields & { orgId: string; passwordHash: string },
  fieldPrefix = "",
): Promise<string> {
  const clash = await tx.user.findFirst({
    where: { OR: [{ account: input.account }, { mobile: input.mobile }] },
    select: { account: true },
  });
  if (clash) {
    throw new AppError(
      "invalidInput",
      clash.account === input.account ? { [`${fieldPrefix}account`]: "accountTaken" } : { [`${fieldPrefix}mobile`]: "mobileTaken" },
    );
  }
  const user = await tx.user.create({
    data: {
      orgId: input.orgId,
      role: input.role,
      account: input.account,
      name: input.name,
      mobile: input.mobile,
      idNumber: input.idNumber ?? null,
      passwordHash: input.passwordHash,
      mustChangePassword: true,
      passwordChangedAt: null,
      recoveryCodes: [],
    },
    select: { id: true },
  });
  return user.id;
}

/** Runs `work`; a unique-constraint race (two admins, same account) becomes "accountTaken". */
export async function withUniqueGuard<T>(work: () => Promise<T>, fieldPrefix = ""): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (uniqueViolation(error)) {
      const text = JSON.stringify((error as Prisma.PrismaClientKnownRequestError).meta ?? {});
      const field = text.includes("mobile") ? "mobile" : text.includes("code") ? "parkCode" : "account";
      const code = field === "parkCode" ? "parkCodeTaken" : `${field}Taken`;
      throw new AppError("invalidInput", { [field === "parkCode" ? field : `${fieldPrefix}${field}`]: code });
    }
    throw error;
  }
}

export type TTemporaryCredentials = { userId: string; account: string; temporaryPassword: string };

/** A user in one of the actor's organizations, with a role the actor may give there. */
export async function createUser(
  db: PrismaClient,
  actor: TActor,
  input: TCreateUserInput,
  meta: TRequestMeta,
): Promise<TTemporaryCredentials> {
  const temporaryPassword = generateTemporaryPassword({ account: input.account, name: input.name });
  const passwordHash = await hashPassword(temporaryPassword);
  const userId = await withUniqueGuard(() =>
    db.$transaction(async (tx) => {
      const ctx = await loadUserScopeContext(tx, actor);
      const scope = manageableOrgScope(actor, ctx);
      if (isNothing(scope) || !isUuid(input.orgId)) throw new AppError("notFound");
      const org = await tx.organization.findFirst({
        where: { AND: [{ id: input.orgId }, scope, { active: true }] },
        select: { id: true, kind: true },
      });
      if (!org) throw new AppError("notFound");
      if (!mayAssignRole(actor.role, org.kind, input.role)) throw new AppError("invalidInput", { role: "roleNotAllowed" });
      const id = await insertUserWithTemporaryPassword(tx, { ...input, orgId: org.id, passwordHash });
      await writeAudit(tx, {
        action: "users.created",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "User",
        targetId: id,
        ...meta,
        details: { orgId: org.id, role: input.role, account: input.account },
      });
      return id;
    }),
  );
  return { userId, account: input.account, temporaryPassword };
}

// ── changing an existing user ──

type TTarget = {
  id: string;
  orgId: string;
  role: Role;
  active: boolean;
  account: string;
  name: string;
  email: string | null;
  orgKind: OrgKind;
};

/**
 * The target, locked for this transaction, if the actor manages it; else AppError
 * "notFound" (also for a malformed id). Acting on oneself goes through the account page.
 */
async function lockManagedTarget(tx: TTx, actor: TActor, userId: string): Promise<TTarget> {
  if (!isUuid(userId)) throw new AppError("notFound");
  const scope = userScope(actor, await loadUserScopeContext(tx, actor), "manage");
  if (isNothing(scope)) throw new AppError("notFound");
  const inScope = await tx.user.findFirst({ where: { AND: [{ id: userId }, scope] }, select: { id: true } });
  if (!inScope) throw new AppError("notFound");
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${inScope.id}::uuid FOR UPDATE`;
  const user = await tx.user.findUniqueOrThrow({
    where: { id: inScope.id },
    select: { id: true, orgId: true, role: true, active: true, account: true, name: true, email: true, org: { select: { kind: true } } },
  });
  // A user whose role the actor could not give (bad data: a role that does not fit its
  // organization) is not the actor's to manage either.
  if (!mayAssignRole(actor.role, user.org.kind, user.role)) throw new AppError("notFound");
  if (user.id === actor.userId) throw new AppError("self");
  return {
    id: user.id,
    orgId: user.orgId,
    role: user.role,
    active: user.active,
    account: user.account,
    name: user.name,
    email: user.email,
    orgKind: user.org.kind,
  };
}

function audit(tx: TTx, actor: TActor, meta: TRequestMeta, action: string, target: TTarget, details: Prisma.InputJsonValue = {}) {
  return writeAudit(tx, {
    action,
    actorUserId: actor.userId,
    actorOrgId: actor.orgId,
    targetType: "User",
    targetId: target.id,
    ...meta,
    details: { account: target.account, orgId: target.orgId, ...(details as object) },
  });
}

/** Deactivates the account; every session of it ends at once. Not one's own. */
export async function deactivateUser(db: PrismaClient, actor: TActor, input: { userId: string }, meta: TRequestMeta): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await lockManagedTarget(tx, actor, input.userId);
    await tx.user.update({ where: { id: target.id }, data: { active: false } });
    await endAllSessions(tx, target.id, "deactivated");
    await audit(tx, actor, meta, "users.deactivated", target);
  });
}

/** Lets a deactivated account sign in again (with its old password and second factor). */
export async function reactivateUser(db: PrismaClient, actor: TActor, input: { userId: string }, meta: TRequestMeta): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await lockManagedTarget(tx, actor, input.userId);
    await tx.user.update({ where: { id: target.id }, data: { active: true, failedSignIns: 0, lockedUntil: null } });
    await audit(tx, actor, meta, "users.reactivated", target);
  });
}

/**
 * A new temporary password (shown once to the actor), to be changed at the next sign-in;
 * clears a lockout and ends every session of the account.
 */
export async function resetUserPassword(
  db: PrismaClient,
  actor: TActor,
  input: { userId: string },
  meta: TRequestMeta,
): Promise<TTemporaryCredentials> {
  const result = await db.$transaction(async (tx) => {
    const target = await lockManagedTarget(tx, actor, input.userId);
    const temporaryPassword = generateTemporaryPassword({ account: target.account, name: target.name });
    await tx.user.update({
      where: { id: target.id },
      data: {
        passwordHash: await hashPassword(temporaryPassword),
        mustChangePassword: true,
        passwordChangedAt: null,
        failedSignIns: 0,
        lockedUntil: null,
      },
    });
    await endAllSessions(tx, target.id, "passwordReset");
    await audit(tx, actor, meta, "users.passwordReset", target);
    return { userId: target.id, account: target.account, temporaryPassword };
  });
  return result;
}

/**
 * E-mails the user a reset link (their own new password, chosen through the link: nothing
 * for the actor to see or pass on). Earlier unused links stop working. "noEmail" when the
 * user has no address: the actor can give a temporary password instead.
 */
export async function sendUserResetLink(db: PrismaClient, actor: TActor, input: { userId: string }, meta: TRequestMeta): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await lockManagedTarget(tx, actor, input.userId);
    // A deactivated account cannot sign in, and its mail is not sent (the job drops it).
    if (!target.active) throw new AppError("inactive");
    if (!target.email?.trim()) throw new AppError("noEmail");
    const resetId = await createPasswordReset(tx, target.id, "admin", new Date());
    await audit(tx, actor, meta, "users.resetLinkSent", target, { resetId });
  });
}

/**
 * Clears the second factor (secret, last step, recovery codes) and ends every session;
 * a role that requires TOTP enrols again at the next sign-in.
 */
export async function resetUserTotp(db: PrismaClient, actor: TActor, input: { userId: string }, meta: TRequestMeta): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await lockManagedTarget(tx, actor, input.userId);
    await tx.user.update({
      where: { id: target.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodes: [] },
    });
    await endAllSessions(tx, target.id, "totpReset");
    await audit(tx, actor, meta, "users.totpReset", target);
  });
}

/** Another role valid for the user's organization and not above the actor; sessions end. */
export async function changeUserRole(db: PrismaClient, actor: TActor, input: TChangeRoleInput, meta: TRequestMeta): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await lockManagedTarget(tx, actor, input.userId);
    if (!mayAssignRole(actor.role, target.orgKind, input.role)) throw new AppError("invalidInput", { role: "roleNotAllowed" });
    if (input.role === target.role) throw new AppError("invalidInput", { role: "sameRole" });
    await tx.user.update({ where: { id: target.id }, data: { role: input.role } });
    await endAllSessions(tx, target.id, "roleChanged");
    await audit(tx, actor, meta, "users.roleChanged", target, { from: target.role, to: input.role });
  });
}
