import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, PairingRole, RegistrationStatus } from "@/lib/generated/prisma/enums";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor, type TPermission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { loadPairingContext } from "@/lib/pairings/queries/load-pairing-context";
import { getPairingProgram, type TPairingProgram } from "@/lib/pairings/queries/get-pairing-program";
import { parseMobile } from "@/lib/mobile";
import { checkPairingChange, normalizeReason } from "../rules";
import type { TAddOneOnOneInput, TPairingIdInput, TParkBankInput } from "../schemas";
import { oneOnOneManageableBanks } from "../scopes";
import { isUuid } from "@/lib/ids";

// Every change to a pairing (park–bank and "1+1") runs here, in one transaction that:
//   1. re-checks the permission (the action checked it too; the lib does not trust that);
//   2. finds the program of the current year and whether its pairings are locked
//      (Asia/Shanghai date ≥ the implementation phase's start), inside the transaction;
//   3. finds the target inside the actor's scope — another bank's 1+1 is "notFound";
//   4. after the lock: refuses anyone without pairings.changeLocked ("pairingsLocked")
//      and an administrator without a reason of 5+ characters ("reasonRequired");
//   5. makes the change (ending rows, never deleting them) and writes the audit entry —
//      plus "pairings.changedAfterLock" with the reason when the pairing was locked.
// A refusal because of the lock is audited (DENIED) outside the rolled-back transaction.

type TTx = Prisma.TransactionClient;

export const PAIRINGS_LOCKED = "pairingsLocked";

type TChangeContext = { program: TPairingProgram; reason: string | null; afterLock: boolean; now: Date; lockedAt: Date | null };

type TApplied = { targetType: string; targetId: string; details: Record<string, Prisma.InputJsonValue | null> };

type TChange<P> = {
  action: string;
  permission: TPermission;
  reason: string | undefined;
  /** Finds and validates the target in scope (throws notFound / invalidInput). */
  prepare: (tx: TTx, program: TPairingProgram) => Promise<P>;
  apply: (tx: TTx, plan: P, ctx: TChangeContext) => Promise<TApplied>;
};

async function runChange<P>(
  db: PrismaClient,
  actor: TActor,
  meta: TRequestMeta,
  now: Date,
  change: TChange<P>,
): Promise<{ pairingId: string }> {
  const reason = normalizeReason(change.reason);
  try {
    return await db.$transaction(async (tx) => {
      if (!canActor(actor, change.permission)) throw new AppError("forbidden");
      const program = await getPairingProgram(tx, now);
      if (!program) throw new AppError("noProgram");
      // A concurrent change of the phase dates waits for this change (and vice versa).
      await tx.$queryRaw`SELECT id FROM "ProgramPhase" WHERE "programId" = ${program.id}::uuid FOR SHARE`;
      const plan = await change.prepare(tx, program);
      const verdict = checkPairingChange({ locked: program.locked, mayChangeLocked: canActor(actor, "pairings.changeLocked"), reason });
      if (!verdict.ok) {
        if (verdict.code === "reasonRequired") throw new AppError("invalidInput", { reason: "reasonRequired" });
        throw new AppError(PAIRINGS_LOCKED);
      }
      const applied = await change.apply(tx, plan, {
        program,
        reason,
        afterLock: verdict.afterLock,
        now,
        lockedAt: program.locked ? now : null,
      });
      const details = { programId: program.id, year: program.year, ...applied.details, reason, afterLock: verdict.afterLock };
      const base = {
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: applied.targetType,
        targetId: applied.targetId,
        ...meta,
      };
      await writeAudit(tx, { ...base, action: change.action, details });
      if (verdict.afterLock)
        await writeAudit(tx, { ...base, action: "pairings.changedAfterLock", details: { ...details, change: change.action } });
      return { pairingId: applied.targetId };
    });
  } catch (error) {
    if (error instanceof AppError && error.code === PAIRINGS_LOCKED) {
      await writeAudit(db, {
        action: "denied.pairings.changedAfterLock",
        outcome: "DENIED",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        ...meta,
        details: { change: change.action },
      });
    }
    throw error;
  }
}

// ── park ↔ bank ──

/** Locks the park row (changes to one park's line-up run one at a time); notFound if none. */

async function lockPark(tx: TTx, parkId: string): Promise<void> {
  if (!isUuid(parkId)) throw new AppError("notFound");
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT p.id::text FROM "Park" p WHERE p.id = ${parkId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError("notFound");
}

async function requireBank(tx: TTx, bankOrgId: string): Promise<void> {
  const bank = await tx.organization.findFirst({ where: { id: bankOrgId, kind: OrgKind.BANK, active: true }, select: { id: true } });
  if (!bank) throw new AppError("invalidInput", { bankOrgId: "unknownBank" });
}

const parkBankKey = (program: TPairingProgram, parkId: string, bankOrgId: string) => ({
  programId_year_parkId_bankOrgId: { programId: program.id, year: program.year, parkId, bankOrgId },
});

/**
 * (Re)activates the park–bank row with `role`. The table keeps one row per program, year,
 * park and bank, so a bank that was ended and comes back gets its row back (the audit log
 * keeps the history).
 */
async function upsertParkBank(
  tx: TTx,
  program: TPairingProgram,
  parkId: string,
  bankOrgId: string,
  role: PairingRole,
  ctx: TChangeContext,
): Promise<string> {
  const existing = await tx.parkBankPairing.findUnique({
    where: parkBankKey(program, parkId, bankOrgId),
    select: { id: true, lockedAt: true },
  });
  if (existing) {
    await tx.parkBankPairing.update({
      where: { id: existing.id },
      data: { role, endedAt: null, changeReason: ctx.reason, lockedAt: existing.lockedAt ?? ctx.lockedAt },
    });
    return existing.id;
  }
  const created = await tx.parkBankPairing.create({
    data: { programId: program.id, year: program.year, parkId, bankOrgId, role, changeReason: ctx.reason, lockedAt: ctx.lockedAt },
    select: { id: true },
  });
  return created.id;
}

/**
 * Makes `bankOrgId` the park's main contact bank for the year. The previous main bank's
 * row is ended (endedAt), not deleted: exactly one current MAIN per park and year.
 */
export async function setMainBank(db: PrismaClient, actor: TActor, input: TParkBankInput, meta: TRequestMeta, now: Date = new Date()) {
  return runChange(db, actor, meta, now, {
    action: "pairings.mainBankSet",
    permission: "pairings.manage",
    reason: input.reason,
    async prepare(tx, program) {
      await lockPark(tx, input.parkId);
      await requireBank(tx, input.bankOrgId);
      const mains = await tx.parkBankPairing.findMany({
        where: { programId: program.id, year: program.year, parkId: input.parkId, role: PairingRole.MAIN, endedAt: null },
        select: { id: true, bankOrgId: true },
      });
      if (mains.some((m) => m.bankOrgId === input.bankOrgId)) throw new AppError("invalidInput", { bankOrgId: "alreadyMain" });
      return { mains };
    },
    async apply(tx, { mains }, ctx) {
      await tx.parkBankPairing.updateMany({
        where: { id: { in: mains.map((m) => m.id) }, endedAt: null },
        data: { endedAt: ctx.now, changeReason: ctx.reason },
      });
      const id = await upsertParkBank(tx, ctx.program, input.parkId, input.bankOrgId, PairingRole.MAIN, ctx);
      return {
        targetType: "ParkBankPairing",
        targetId: id,
        details: { parkId: input.parkId, bankOrgId: input.bankOrgId, endedMainBankOrgIds: mains.map((m) => m.bankOrgId) },
      };
    },
  });
}

/** Adds a participating bank to a park for the year. */
export async function addParticipatingBank(
  db: PrismaClient,
  actor: TActor,
  input: TParkBankInput,
  meta: TRequestMeta,
  now: Date = new Date(),
) {
  return runChange(db, actor, meta, now, {
    action: "pairings.participatingAdded",
    permission: "pairings.manage",
    reason: input.reason,
    async prepare(tx, program) {
      await lockPark(tx, input.parkId);
      await requireBank(tx, input.bankOrgId);
      const current = await tx.parkBankPairing.findFirst({
        where: { programId: program.id, year: program.year, parkId: input.parkId, bankOrgId: input.bankOrgId, endedAt: null },
        select: { id: true },
      });
      if (current) throw new AppError("invalidInput", { bankOrgId: "alreadyPaired" });
      return null;
    },
    async apply(tx, _plan, ctx) {
      const id = await upsertParkBank(tx, ctx.program, input.parkId, input.bankOrgId, PairingRole.PARTICIPATING, ctx);
      return { targetType: "ParkBankPairing", targetId: id, details: { parkId: input.parkId, bankOrgId: input.bankOrgId } };
    },
  });
}

/** Ends a participating bank's pairing with a park (the main bank is replaced, not removed). */
export async function removeParticipatingBank(
  db: PrismaClient,
  actor: TActor,
  input: TPairingIdInput,
  meta: TRequestMeta,
  now: Date = new Date(),
) {
  return runChange(db, actor, meta, now, {
    action: "pairings.participatingRemoved",
    permission: "pairings.manage",
    reason: input.reason,
    async prepare(tx, program) {
      const row = await tx.parkBankPairing.findFirst({
        where: { id: input.pairingId, programId: program.id, year: program.year, role: PairingRole.PARTICIPATING, endedAt: null },
        select: { id: true, parkId: true, bankOrgId: true },
      });
      if (!row) throw new AppError("notFound");
      await lockPark(tx, row.parkId);
      return row;
    },
    async apply(tx, row, ctx) {
      const ended = await tx.parkBankPairing.updateMany({
        where: { id: row.id, role: PairingRole.PARTICIPATING, endedAt: null },
        data: { endedAt: ctx.now, changeReason: ctx.reason },
      });
      if (ended.count !== 1) throw new AppError("notFound");
      return { targetType: "ParkBankPairing", targetId: row.id, details: { parkId: row.parkId, bankOrgId: row.bankOrgId } };
    },
  });
}

// ── "1+1": bank branch ↔ enterprise ──

async function manageableBanks(tx: TTx, actor: TActor): Promise<"all" | string[]> {
  return oneOnOneManageableBanks(actor, await loadPairingContext(tx, actor));
}

const inCoverage = (coverage: "all" | string[], bankOrgId: string) => coverage === "all" || coverage.includes(bankOrgId);

/**
 * Pairs an enterprise with a bank branch for the year, with its account manager. A bank
 * manager may do it only for its own bank and the branches below it: any other bank is
 * "notFound".
 */
export async function addOneOnOne(db: PrismaClient, actor: TActor, input: TAddOneOnOneInput, meta: TRequestMeta, now: Date = new Date()) {
  return runChange(db, actor, meta, now, {
    action: "pairings.oneOnOneAdded",
    permission: "pairings.manageOneOnOne",
    reason: input.reason,
    async prepare(tx, program) {
      const coverage = await manageableBanks(tx, actor);
      if (!inCoverage(coverage, input.bankOrgId)) throw new AppError("notFound");
      const bank = await tx.organization.findFirst({
        where: { id: input.bankOrgId, kind: OrgKind.BANK, active: true, bankLevel: { not: null } },
        select: { id: true },
      });
      if (!bank) throw new AppError("notFound");
      const mobile = parseMobile(input.accountManagerMobile);
      if (!mobile) throw new AppError("invalidInput", { accountManagerMobile: "mobileInvalid" });
      if (!isUuid(input.enterpriseId)) throw new AppError("invalidInput", { enterpriseId: "unknownEnterprise" });
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT e.id::text FROM "Enterprise" e JOIN "Organization" o ON o.id = e."orgId"
        WHERE e.id = ${input.enterpriseId}::uuid AND e."registrationStatus" = ${RegistrationStatus.APPROVED}::"RegistrationStatus" AND o.active
        FOR UPDATE OF e`;
      if (locked.length === 0) throw new AppError("invalidInput", { enterpriseId: "unknownEnterprise" });
      const key = { programId: program.id, year: program.year, bankOrgId: input.bankOrgId, enterpriseId: input.enterpriseId };
      const existing = await tx.enterpriseBankPairing.findUnique({
        where: { programId_year_bankOrgId_enterpriseId: key },
        select: { id: true, endedAt: true, lockedAt: true },
      });
      if (existing && existing.endedAt === null) throw new AppError("invalidInput", { enterpriseId: "alreadyPaired" });
      return { key, existing, mobile, name: input.accountManagerName.trim() };
    },
    async apply(tx, { key, existing, mobile, name }, ctx) {
      const data = { accountManagerName: name, accountManagerMobile: mobile, changeReason: ctx.reason, endedAt: null };
      const id = existing
        ? (
            await tx.enterpriseBankPairing.update({
              where: { id: existing.id },
              data: { ...data, lockedAt: existing.lockedAt ?? ctx.lockedAt },
              select: { id: true },
            })
          ).id
        : (await tx.enterpriseBankPairing.create({ data: { ...key, ...data, lockedAt: ctx.lockedAt }, select: { id: true } })).id;
      // The mobile is personal information: the audit keeps who, not the number.
      return {
        targetType: "EnterpriseBankPairing",
        targetId: id,
        details: { bankOrgId: key.bankOrgId, enterpriseId: key.enterpriseId, accountManagerName: name },
      };
    },
  });
}

/** Ends a "1+1" pairing (the row stays, with endedAt). Outside the actor's banks: notFound. */
export async function endOneOnOne(db: PrismaClient, actor: TActor, input: TPairingIdInput, meta: TRequestMeta, now: Date = new Date()) {
  return runChange(db, actor, meta, now, {
    action: "pairings.oneOnOneEnded",
    permission: "pairings.manageOneOnOne",
    reason: input.reason,
    async prepare(tx, program) {
      const coverage = await manageableBanks(tx, actor);
      if (coverage !== "all" && coverage.length === 0) throw new AppError("notFound");
      const row = await tx.enterpriseBankPairing.findFirst({
        where: {
          id: input.pairingId,
          programId: program.id,
          year: program.year,
          endedAt: null,
          ...(coverage === "all" ? {} : { bankOrgId: { in: coverage } }),
        },
        select: { id: true, bankOrgId: true, enterpriseId: true },
      });
      if (!row) throw new AppError("notFound");
      return row;
    },
    async apply(tx, row, ctx) {
      const ended = await tx.enterpriseBankPairing.updateMany({
        where: { id: row.id, endedAt: null },
        data: { endedAt: ctx.now, changeReason: ctx.reason },
      });
      if (ended.count !== 1) throw new AppError("notFound");
      return {
        targetType: "EnterpriseBankPairing",
        targetId: row.id,
        details: { bankOrgId: row.bankOrgId, enterpriseId: row.enterpriseId },
      };
    },
  });
}
