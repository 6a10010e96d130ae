/**
 * The one shape of every change to an existing submission: runLockedStep's transaction
 * (lib/locking/mutations/run-locked-step.ts) on the QuarterlySubmission row — lock, re-read
 * through the actor's scope ("notFound" for another bank's id), then who may change it
 * ("forbidden"), the version the user saw ("conflict") and the status the step starts from
 * ("invalidState") — then the step writes. The version is the row's updatedAt; every step
 * bumps it and writes with the old value and status in the where, as a second guard.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { SubmissionStatus } from "@/lib/generated/prisma/enums";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import type { TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { runLockedStep } from "@/lib/locking/mutations/run-locked-step";
import { submissionScope } from "@/lib/submissions/scopes";

export type TTx = Prisma.TransactionClient;

export type TSubmissionOptions = {
  /** The clock (tests pass a fixed instant). Default: new Date(). */
  now?: Date;
  meta?: TRequestMeta;
};

export type TSubmissionResult = { id: string; status: SubmissionStatus; version: string };

const ROW_SELECT = {
  id: true,
  programId: true,
  bankOrgId: true,
  year: true,
  quarter: true,
  status: true,
  dueAt: true,
  submittedAt: true,
  frozenAt: true,
  updatedAt: true,
} as const satisfies Prisma.QuarterlySubmissionSelect;

export type TSubmissionRow = Prisma.QuarterlySubmissionGetPayload<{ select: typeof ROW_SELECT }>;

export type TSubmissionStep = {
  tx: TTx;
  row: TSubmissionRow;
  actor: TActor;
  now: Date;
  /** Writes the row (bumping the version); "conflict" if it changed meanwhile. */
  update(data: Prisma.QuarterlySubmissionUncheckedUpdateManyInput): Promise<void>;
  audit(action: string, details?: Prisma.InputJsonValue): Promise<void>;
};

export const SUBMISSION_TX = { maxWait: 10_000, timeout: 30_000 } as const;

export async function runSubmissionStep(
  db: PrismaClient,
  user: TActorSource,
  spec: {
    submissionId: string;
    version: string | undefined;
    from: readonly SubmissionStatus[];
    may: (actor: TActor, row: TSubmissionRow) => boolean;
  },
  opts: TSubmissionOptions | undefined,
  body: (s: TSubmissionStep) => Promise<void>,
): Promise<TSubmissionResult> {
  const now = opts?.now ?? new Date();
  const actor = actorOf(user);
  const where = submissionScope(actor, await loadScopeContext(db, user));
  return runLockedStep(
    db,
    {
      table: "QuarterlySubmission",
      id: spec.submissionId,
      read: (tx, id) => tx.quarterlySubmission.findFirst({ where: { AND: [{ id }, where] }, select: ROW_SELECT }),
      // Visible but not theirs to change (a parent bank looking at a branch's, the central bank).
      may: (row) => spec.may(actor, row),
      sameVersion: (row) => spec.version !== undefined && spec.version === row.updatedAt.toISOString(),
      canStart: (row) => spec.from.includes(row.status) && row.frozenAt === null,
      tx: SUBMISSION_TX,
    },
    async (tx, row) => {
      await body({
        tx,
        row,
        actor,
        now,
        async update(data) {
          // Strictly later than the version read, even within the same millisecond.
          const updatedAt = new Date(Math.max(Date.now(), row.updatedAt.getTime() + 1));
          const { count } = await tx.quarterlySubmission.updateMany({
            where: { id: row.id, updatedAt: row.updatedAt, status: row.status, frozenAt: null },
            data: { ...data, updatedAt },
          });
          if (count !== 1) throw new AppError("conflict");
          row.updatedAt = updatedAt;
          if (typeof data.status === "string") row.status = data.status;
        },
        async audit(action, details = {}) {
          await writeAudit(tx, {
            action,
            actorUserId: actor.userId,
            actorOrgId: actor.orgId,
            targetType: "QuarterlySubmission",
            targetId: row.id,
            ip: opts?.meta?.ip ?? null,
            userAgent: opts?.meta?.userAgent ?? null,
            details,
          });
        },
      });
      const done = await tx.quarterlySubmission.findUniqueOrThrow({
        where: { id: row.id },
        select: { id: true, status: true, updatedAt: true },
      });
      return { id: done.id, status: done.status, version: done.updatedAt.toISOString() };
    },
  );
}
