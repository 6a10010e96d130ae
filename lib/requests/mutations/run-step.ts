/**
 * The one shape every workflow step on an existing item runs in (see ../workflow/types.ts):
 * runLockedStep's transaction (lib/locking/mutations/run-locked-step.ts) on the Request row —
 * lock, re-read through the actor's scope ("notFound" for another tenant's id), then who
 * may take the step (mayTakeStep: the permission, and for a bank's step the responsible
 * bank; "forbidden"), the version the user saw ("conflict") and the transition (canStep;
 * "invalidState" or a more precise code) — then the step writes. The version is the row's integer `version`:
 * `update` writes with `where: { id, version }` as a second guard and bumps it by one.
 * A transaction PostgreSQL picked as a deadlock victim is run again (retry-on-deadlock.ts).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf, loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage, requestScope, type TScopeContext } from "@/lib/auth/scopes";
import { AppError } from "@/lib/errors";
import { runLockedStep } from "@/lib/locking/mutations/run-locked-step";
import { appendLedgerEntries, type TNewLedgerEntry } from "@/lib/ledger/mutations/append-ledger-entry";
import { retryOnDeadlock } from "@/lib/requests/retry-on-deadlock";
import { mayTakeStep } from "@/lib/requests/workflow/step-permissions";
import { canStep, stepRefusal, type TWorkflowStep } from "@/lib/requests/workflow/transitions";
import type { TWorkflowActor, TWorkflowOptions, TWorkflowResult } from "@/lib/requests/workflow/types";

export type TTx = Prisma.TransactionClient;

export const STEP_ROW_INCLUDE = {
  enterprise: { select: { orgId: true, name: true } },
  park: { select: { orgId: true } },
  program: { select: { year: true } },
  ruleVersion: { select: { replyDeadlineDays: true, parkReviewDeadlineDays: true, supplementDeadlineDays: true } },
} as const satisfies Prisma.RequestInclude;

export type TStepRow = Prisma.RequestGetPayload<{ include: typeof STEP_ROW_INCLUDE }>;

type TLedgerDraft = Omit<TNewLedgerEntry, "requestId" | "actorUserId" | "actorOrgId" | "occurredAt" | "fromStatus"> & {
  fromStatus?: TNewLedgerEntry["fromStatus"];
};

export type TStep = {
  tx: TTx;
  row: TStepRow;
  actor: TWorkflowActor;
  scope: TScopeContext;
  now: Date;
  /** Writes the row with version + 1; "conflict" if someone else changed it meanwhile. */
  update(data: Prisma.RequestUncheckedUpdateManyInput): Promise<void>;
  /** Appends entries for this item by this actor at `now` (fromStatus defaults to the row's). */
  ledger(...entries: TLedgerDraft[]): Promise<number[]>;
};

export type TStepSpec = {
  requestId: string;
  version: number | undefined;
  /** The step: its permission and who acts (step-permissions.ts), the states it starts from (transitions.ts). */
  step: TWorkflowStep;
};

/** Transaction settings for every workflow step: short, and fail rather than wait forever. */
export const STEP_TX = { maxWait: 10_000, timeout: 20_000 } as const;

export async function runStep(
  db: PrismaClient,
  actor: TWorkflowActor,
  spec: TStepSpec,
  opts: TWorkflowOptions | undefined,
  body: (s: TStep) => Promise<void>,
): Promise<TWorkflowResult> {
  const now = opts?.now ?? new Date();
  // The actor's own organization data (bank subtree, park, enterprise): read before the
  // transaction, it does not depend on the item.
  const scope = await loadScopeContext(db, actor);
  const where = requestScope(actorOf(actor), scope);
  const covered = bankCoverage(actorOf(actor), scope.bankOrgIds);
  return retryOnDeadlock(() =>
    runLockedStep(
      db,
      {
        table: "Request",
        id: spec.requestId,
        read: (tx, id) => tx.request.findFirst({ where: { AND: [{ id }, where] }, include: STEP_ROW_INCLUDE }),
        may: (row) => mayTakeStep(spec.step, actorOf(actor), covered, row),
        sameVersion: (row) => spec.version !== undefined && spec.version === row.version,
        canStart: (row) => canStep(spec.step, row, now),
        refusal: (row) => stepRefusal(spec.step, row),
        tx: STEP_TX,
      },
      async (tx, row) => {
        const step: TStep = {
          tx,
          row,
          actor,
          scope,
          now,
          async update(data) {
            const { count } = await tx.request.updateMany({
              where: { id: row.id, version: row.version },
              data: { ...data, version: { increment: 1 } },
            });
            if (count !== 1) throw new AppError("conflict");
          },
          async ledger(...entries) {
            const appended = await appendLedgerEntries(
              tx,
              entries.map((e) => ({
                ...e,
                fromStatus: e.fromStatus === undefined ? row.status : e.fromStatus,
                requestId: row.id,
                actorUserId: actor.userId,
                actorOrgId: actor.orgId,
                occurredAt: now,
              })),
            );
            return appended.map((a) => a.seq);
          },
        };
        await body(step);
        return tx.request.findUniqueOrThrow({ where: { id: row.id }, select: { id: true, serial: true, status: true, version: true } });
      },
    ),
  );
}

/**
 * Bank steps act for the bank responsible for the item: the actor's bank or a parent bank
 * covering it. A bank that was only copied can read the item but not act on it: that is
 * "forbidden" (it can see the item, so "not found" would be a lie). mayTakeStep already
 * refused such an actor before the body ran; this returns the bank, checked once more.
 */
export function requireAssignedBank(s: TStep): string {
  const covered = bankCoverage(actorOf(s.actor), s.scope.bankOrgIds);
  const bank = s.row.assignedBankId;
  if (!bank || !covered.includes(bank)) throw new AppError("forbidden");
  return bank;
}
