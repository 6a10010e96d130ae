/**
 * The write half of a deadline recompute after a calendar change, shared by the banks'
 * reply deadlines (recompute-deadlines.ts) and the parks' review deadlines
 * (recompute-park-review-deadlines.ts): the new deadlines and provisional flags set
 * set-based (unnest, a statement per ROWS_PER_STATEMENT rows), the version bumped where the
 * deadline moved, and a DEADLINE_RECOMPUTED ledger entry for each of those (old and new
 * deadline, the caller's own content, the reason). A change of the provisional flag alone
 * updates the row without a ledger entry.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { LedgerAction, type RequestStatus } from "@/lib/generated/prisma/enums";
import { appendLedgerEntries } from "@/lib/ledger/mutations/append-ledger-entry";
import { ROWS_PER_STATEMENT } from "@/lib/requests/deadline-scan";

type TTx = Prisma.TransactionClient;

/** Which pair of Request columns a recompute writes. */
const COLUMNS = {
  reply: { due: "dueAt", provisional: "dueProvisional" },
  parkReview: { due: "parkDueAt", provisional: "parkDueProvisional" },
} as const;

export type TRecomputedDeadline = {
  id: string;
  status: RequestStatus;
  previousDueAt: Date;
  dueAt: Date;
  previousProvisional: boolean;
  provisional: boolean;
  /** Added to the ledger entry's content (which deadline, the days it counts). */
  content: Record<string, string | number>;
};

export async function writeRecomputedDeadlines(
  tx: TTx,
  deadline: keyof typeof COLUMNS,
  changes: readonly TRecomputedDeadline[],
  input: { reason: Record<string, string | number | boolean | null>; actorUserId: string | null; actorOrgId: string | null; now: Date },
): Promise<{ moved: number; provisionalChanged: number }> {
  const { due, provisional } = COLUMNS[deadline];
  const movedOf = (x: TRecomputedDeadline) => x.dueAt.getTime() !== x.previousDueAt.getTime();
  for (let i = 0; i < changes.length; i += ROWS_PER_STATEMENT) {
    const chunk = changes.slice(i, i + ROWS_PER_STATEMENT);
    await tx.$executeRawUnsafe(
      `UPDATE "Request" r
          SET "${due}" = v.due::timestamptz,
              "${provisional}" = v.provisional::boolean,
              version = r.version + v.bump::int,
              "updatedAt" = $5::timestamptz
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(id, due, provisional, bump)
        WHERE r.id = v.id::uuid`,
      chunk.map((x) => x.id),
      chunk.map((x) => x.dueAt.toISOString()),
      chunk.map((x) => String(x.provisional)),
      chunk.map((x) => (movedOf(x) ? "1" : "0")),
      input.now.toISOString(),
    );
  }
  const moved = changes.filter(movedOf);
  await appendLedgerEntries(
    tx,
    moved.map((x) => ({
      requestId: x.id,
      action: LedgerAction.DEADLINE_RECOMPUTED,
      actorUserId: input.actorUserId,
      actorOrgId: input.actorOrgId,
      fromStatus: x.status,
      toStatus: x.status,
      content: {
        ...x.content,
        previousDueAt: x.previousDueAt.toISOString(),
        dueAt: x.dueAt.toISOString(),
        previousDueProvisional: x.previousProvisional,
        dueProvisional: x.provisional,
        reason: input.reason,
      },
      occurredAt: input.now,
    })),
  );
  return { moved: moved.length, provisionalChanged: changes.filter((x) => x.provisional !== x.previousProvisional).length };
}
