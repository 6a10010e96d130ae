/**
 * The list's own steps, taken by the finance office on the version it saw:
 * assignKeyList hands a DRAFT to the banks (each member not yet assigned goes to its 1+1
 * branch of the year, else to its park's main contact bank), closeKeyList ends the
 * outreach of an ASSIGNED list. Each step is one transaction: the list row is locked,
 * re-read and checked, the members assigned set-based, the audit entry written.
 *
 * Refusals (AppError): forbidden · notFound · conflict (stale version) · invalidState.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { KeyListStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import { keyListStepAllowed, type TKeyListStep } from "@/lib/key-lists/rules";
import type { TKeyListStepInput } from "@/lib/key-lists/schemas";

type TLockedList = { id: string; status: KeyListStatus; version: number; programId: string; year: number };

async function lockList(tx: Prisma.TransactionClient, input: TKeyListStepInput, step: TKeyListStep): Promise<TLockedList> {
  const [list] = await tx.$queryRaw<TLockedList[]>`
    SELECT id, status, version, "programId", year FROM "KeyList" WHERE id = ${input.listId}::uuid FOR UPDATE`;
  if (!list) throw new AppError("notFound");
  if (list.version !== input.version) throw new AppError("conflict");
  if (!keyListStepAllowed(step, list.status)) throw new AppError("invalidState");
  return list;
}

/**
 * Members without a bank get one by default (changeable member by member afterwards).
 * Both statements go member by member through indexes (the member's earliest open 1+1
 * pairing of the year; its enterprise, then the park's main bank), so the work grows with
 * the list and not with the list times the year's pairings: a list is assigned moments
 * after it was filled, before the planner has statistics for its new members, and a plan
 * that joined every member with every pairing took seconds at a city's size.
 */
export async function assignDefaultBanks(
  tx: Prisma.TransactionClient,
  list: Pick<TLockedList, "id" | "programId" | "year">,
): Promise<number> {
  const toBranch = await tx.$executeRaw`
    UPDATE "KeyListMember" m SET "bankOrgId" = first."bankOrgId"
    FROM "KeyListMember" todo
    CROSS JOIN LATERAL (
      SELECT p."bankOrgId" FROM "EnterpriseBankPairing" p
      WHERE p."enterpriseId" = todo."enterpriseId" AND p.year = ${list.year}
        AND p."programId" = ${list.programId}::uuid AND p."endedAt" IS NULL
      ORDER BY p."createdAt", p.id
      LIMIT 1
    ) first
    WHERE todo."listId" = ${list.id}::uuid AND todo."bankOrgId" IS NULL AND m.id = todo.id`;
  const toMainBank = await tx.$executeRaw`
    UPDATE "KeyListMember" m SET "bankOrgId" = p."bankOrgId"
    FROM "Enterprise" e, "ParkBankPairing" p
    WHERE m."listId" = ${list.id}::uuid AND m."bankOrgId" IS NULL AND e.id = m."enterpriseId"
      AND p."parkId" = e."parkId" AND p."programId" = ${list.programId}::uuid AND p.year = ${list.year}
      AND p.role = 'MAIN' AND p."endedAt" IS NULL`;
  return toBranch + toMainBank;
}

export async function assignKeyList(
  db: PrismaClient,
  actor: TActorSource,
  input: TKeyListStepInput,
  opts: { now?: Date } = {},
): Promise<{ assigned: number; unassigned: number }> {
  if (!canActor(actorOf(actor), "keyLists.manage")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const list = await lockList(tx, input, "assign");
    const assigned = await assignDefaultBanks(tx, list);
    const unassigned = await tx.keyListMember.count({ where: { listId: list.id, bankOrgId: null } });
    await tx.keyList.update({
      where: { id: list.id },
      data: { status: KeyListStatus.ASSIGNED, assignedAt: now, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      action: "keyLists.assign",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "KeyList",
      targetId: list.id,
      details: { assigned, unassigned },
    });
    return { assigned, unassigned };
  });
}

export async function closeKeyList(
  db: PrismaClient,
  actor: TActorSource,
  input: TKeyListStepInput,
  opts: { now?: Date } = {},
): Promise<void> {
  if (!canActor(actorOf(actor), "keyLists.manage")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  await db.$transaction(async (tx) => {
    const list = await lockList(tx, input, "close");
    await tx.keyList.update({ where: { id: list.id }, data: { status: KeyListStatus.CLOSED, closedAt: now, version: { increment: 1 } } });
    await writeAudit(tx, {
      action: "keyLists.close",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "KeyList",
      targetId: list.id,
    });
  });
}
