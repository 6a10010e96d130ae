import type { Prisma } from "@/lib/generated/prisma/client";
import type { TStoredPrefill } from "../queries/get-summons-prefill";

/** What every summons record holds, whatever opened it: the meeting and its measures. */
export type TSummonsMeeting = {
  bankOrgId: string;
  heldOn: string;
  attendees: string;
  issues: string;
  measures: { text: string; deadline: string }[];
};

/**
 * Writes a summons and its measures: the meeting as entered, the pre-fill frozen on the
 * record, and its due day, the earliest measure's deadline. `source` says what opened it
 * (a published bulletin, a half-year evaluation) and its period. The caller checks the
 * source, writes the audit entry and owns the transaction.
 */
export function insertSummons(
  tx: Prisma.TransactionClient,
  source: Pick<Prisma.SummonsUncheckedCreateInput, "programId" | "source" | "rankingId" | "sourceRef" | "year" | "quarter">,
  meeting: TSummonsMeeting,
  stored: TStoredPrefill,
  opened: { byUserId: string; at: Date },
): Promise<{ id: string; version: number }> {
  const deadlines = meeting.measures.map((m) => m.deadline).sort();
  return tx.summons.create({
    data: {
      ...source,
      bankOrgId: meeting.bankOrgId,
      heldOn: new Date(`${meeting.heldOn}T00:00:00Z`),
      attendees: meeting.attendees,
      issues: meeting.issues,
      prefill: stored as unknown as Prisma.InputJsonValue,
      dueOn: new Date(`${deadlines[0]}T00:00:00Z`),
      openedById: opened.byUserId,
      openedAt: opened.at,
      measures: {
        create: meeting.measures.map((m, i) => ({ position: i + 1, text: m.text, deadline: new Date(`${m.deadline}T00:00:00Z`) })),
      },
    },
    select: { id: true, version: true },
  });
}
