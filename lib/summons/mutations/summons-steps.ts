/**
 * Every step on an existing summons, through runLockedStep (lock the row, re-read it
 * through the actor's scope: another bank's summons is "notFound"; then "forbidden",
 * "conflict" for a stale version, "invalidState"), then one write with version + 1 and
 * the audit entry, in one transaction. Which step may start from which status, and who
 * takes it: rules.ts (SUMMONS_STEPS), the same table the detail page's buttons read.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { SummonsStatus } from "@/lib/generated/prisma/enums";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { AppError } from "@/lib/errors";
import { runLockedStep } from "@/lib/locking/mutations/run-locked-step";
import { canSummonsStep, SUMMONS_STEPS, type TSummonsStep } from "../rules";
import type { TSummonsFilingInput, TSummonsReturnInput, TSummonsStepInput } from "../schemas";
import { mayTakeSummonsStep, summonsScope } from "../scopes";

export type TSummonsOptions = { now?: Date; meta?: TRequestMeta };
export type TSummonsStepResult = { id: string; status: SummonsStatus; version: number };

const ROW = { id: true, bankOrgId: true, status: true, version: true, pbcCosignedAt: true } as const;

async function runSummonsStep(
  db: PrismaClient,
  user: TActorSource,
  step: TSummonsStep,
  input: TSummonsStepInput,
  opts: TSummonsOptions | undefined,
  data: (now: Date, userId: string) => Prisma.SummonsUncheckedUpdateManyInput,
  details: Prisma.InputJsonValue = {},
): Promise<TSummonsStepResult> {
  const actor = actorOf(user);
  const now = opts?.now ?? new Date();
  const where = summonsScope(actor);
  return runLockedStep(
    db,
    {
      table: "Summons",
      id: input.summonsId,
      read: (tx, id) => tx.summons.findFirst({ where: { AND: [{ id }, where] }, select: ROW }),
      may: (row) => mayTakeSummonsStep(actor, step, row.bankOrgId),
      sameVersion: (row) => row.version === input.version,
      canStart: (row) => canSummonsStep(step, { status: row.status, cosigned: row.pbcCosignedAt !== null }),
      tx: { maxWait: 10_000, timeout: 30_000 },
    },
    async (tx, row) => {
      const to = SUMMONS_STEPS[step].to ?? row.status;
      const { count } = await tx.summons.updateMany({
        where: { id: row.id, version: row.version, status: row.status },
        data: { ...data(now, actor.userId), status: to, version: row.version + 1 },
      });
      if (count !== 1) throw new AppError("conflict");
      await writeAudit(tx, {
        action: `summons.${step}`,
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "Summons",
        targetId: row.id,
        ip: opts?.meta?.ip ?? null,
        userAgent: opts?.meta?.userAgent ?? null,
        details: { from: row.status, to, ...(details as object) },
      });
      return { id: row.id, status: to, version: row.version + 1 };
    },
  );
}

/** The bank files (or refiles, after a return) its rectification plan. */
export function fileSummonsPlan(db: PrismaClient, user: TActorSource, input: TSummonsFilingInput, opts?: TSummonsOptions) {
  return runSummonsStep(db, user, "filePlan", input, opts, (now) => ({ planText: input.text, planFiledAt: now, planReturnReason: null }));
}

export function acceptSummonsPlan(db: PrismaClient, user: TActorSource, input: TSummonsStepInput, opts?: TSummonsOptions) {
  return runSummonsStep(db, user, "acceptPlan", input, opts, (now) => ({ planReviewedAt: now }));
}

export function returnSummonsPlan(db: PrismaClient, user: TActorSource, input: TSummonsReturnInput, opts?: TSummonsOptions) {
  return runSummonsStep(db, user, "returnPlan", input, opts, (now) => ({ planReviewedAt: now, planReturnReason: input.reason }), {
    reason: input.reason,
  });
}

/** The bank files (or refiles) its completion report. */
export function fileSummonsCompletion(db: PrismaClient, user: TActorSource, input: TSummonsFilingInput, opts?: TSummonsOptions) {
  return runSummonsStep(db, user, "fileCompletion", input, opts, (now) => ({
    completionText: input.text,
    completionFiledAt: now,
    completionReturnReason: null,
  }));
}

/** Accepting the completion report closes the summons: it is no longer overdue anywhere. */
export function acceptSummonsCompletion(db: PrismaClient, user: TActorSource, input: TSummonsStepInput, opts?: TSummonsOptions) {
  return runSummonsStep(db, user, "acceptCompletion", input, opts, (now) => ({ completionReviewedAt: now, completedAt: now }));
}

export function returnSummonsCompletion(db: PrismaClient, user: TActorSource, input: TSummonsReturnInput, opts?: TSummonsOptions) {
  return runSummonsStep(
    db,
    user,
    "returnCompletion",
    input,
    opts,
    (now) => ({ completionReviewedAt: now, completionReturnReason: input.reason }),
    { reason: input.reason },
  );
}

/** The central bank co-signs the record (it attended); the status does not change. */
export function cosignSummons(db: PrismaClient, user: TActorSource, input: TSummonsStepInput, opts?: TSummonsOptions) {
  return runSummonsStep(db, user, "cosign", input, opts, (now, userId) => ({ pbcCosignedAt: now, pbcCosignedById: userId }));
}
