/**
 * The one shape of a change to an existing row that people edit concurrently (a request's
 * workflow step, a quarterly submission's step): one transaction that locks the row, re-reads
 * it through the actor's scope, and refuses, in this order,
 *   "notFound"     the id is not a UUID, or the row is outside the actor's scope;
 *   "forbidden"    the actor can see the row but may not change it;
 *   "conflict"     the version the user saw is not the row's (someone changed it since);
 *   "invalidState" the step may not start from the row's state (or the caller's more
 *                  precise code for why not);
 * and only then runs the step's body, in the same transaction.
 *
 * The row is locked (FOR UPDATE) BEFORE it is read, so two people acting on the same row at
 * once are serialized: the second one reads the first one's version and gets "conflict".
 * How a version is stored and bumped is the caller's (an integer, a timestamp): the body
 * should write with the old version in its `where` as a second guard.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { AppError, type TErrorCode } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

export type TTx = Prisma.TransactionClient;

/** The tables a locked step runs on; a closed list, because the name goes into the SQL. */
export type TLockedTable = "Request" | "QuarterlySubmission" | "Summons" | "AssistancePlan";

export type TLockedStepSpec<TRow> = {
  table: TLockedTable;
  /** Untrusted (from a form): anything but a UUID is "notFound". */
  id: string;
  /** Re-reads the locked row through the actor's scope: null when it is not theirs to see. */
  read(tx: TTx, id: string): Promise<TRow | null>;
  /** Whether the actor may change this row at all. */
  may(row: TRow): boolean;
  /** Whether the version the user saw is the row's. */
  sameVersion(row: TRow): boolean;
  /** Whether the step may start from the row's current state. */
  canStart(row: TRow): boolean;
  /** Why it may not, when "invalidState" says too little. */
  refusal?(row: TRow): TErrorCode;
  /** Transaction settings: short, and fail rather than wait forever. */
  tx: { maxWait: number; timeout: number };
};

export async function runLockedStep<TRow, TResult>(
  db: PrismaClient,
  spec: TLockedStepSpec<TRow>,
  body: (tx: TTx, row: TRow) => Promise<TResult>,
): Promise<TResult> {
  if (!isUuid(spec.id)) throw new AppError("notFound");
  const id = spec.id;
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT id::text FROM "${spec.table}" WHERE id = $1::uuid FOR UPDATE`, id);
    const row = await spec.read(tx, id);
    if (!row) throw new AppError("notFound");
    if (!spec.may(row)) throw new AppError("forbidden");
    if (!spec.sameVersion(row)) throw new AppError("conflict");
    if (!spec.canStart(row)) throw new AppError(spec.refusal?.(row) ?? "invalidState");
    return body(tx, row);
  }, spec.tx);
}
