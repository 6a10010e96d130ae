/**
 * After a change to the working-day calendar: recompute the reply deadline of every
 * request whose deadline is still running, inside the calendar change's transaction.
 *
 * Which requests: status FORWARDED (待签收), SIGNED (办理中) or ESCALATED (督办中) and not
 * yet answered (an ESCALATED item the banks already answered — "BANKS_CANNOT_SOLVE" — has
 * no running reply deadline). The clock is restartable (passing, assigning and reopening
 * restart it): start = COALESCE(deadlineStartAt, forwardedAt), days = COALESCE(deadlineDays,
 * ruleVersion.replyDeadlineDays); dueAt = addWorkingDays(start, days), dueProvisional =
 * isRangeProvisional(start, dueAt).
 *
 * Only requests whose deadline window touches the changed days are read: a change on
 * Shanghai day X can only move a deadline counted from start day S to due day D when
 * S ≤ X ≤ D (days before the start or after the stored deadline are never counted), and
 * publishing year Y only changes the provisional flag of windows overlapping Y. So the
 * candidate query is `start < end of last changed day AND dueAt ≥ start of first
 * changed day` on the open statuses (index Request(status, dueAt)), locked FOR UPDATE so
 * that a request answered meanwhile by a bank drops out. Updates and ledger entries are
 * written set-based (writeRecomputedDeadlines, shared with the park review deadlines).
 *
 * Each request whose dueAt changed gets a DEADLINE_RECOMPUTED ledger entry (old and new
 * dueAt, the reason) and its version bumped (as every ledger entry does); a request whose
 * only change is the provisional flag is updated without a ledger entry.
 *
 * The park review deadlines of SUBMITTED items are recomputed in the same pass
 * (recompute-park-review-deadlines.ts); the counts below include them.
 */

import type { Prisma } from "@/lib/generated/prisma/client";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { addWorkingDays, isRangeProvisional, type WorkingCalendar } from "@/lib/calendar/working-days";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { recomputeParkReviewDeadlines } from "@/lib/requests/mutations/recompute-park-review-deadlines";
import { writeRecomputedDeadlines, type TRecomputedDeadline } from "@/lib/requests/mutations/write-recomputed-deadlines";

type TTx = Prisma.TransactionClient;

/** Statuses with a running reply deadline (see the Request model). */
export const RUNNING_DEADLINE_STATUSES = [RequestStatus.FORWARDED, RequestStatus.SIGNED, RequestStatus.ESCALATED] as const;

export interface TRecomputeInput {
  /** First and last changed Shanghai day, "YYYY-MM-DD" (a whole year for a publication). */
  from: string;
  to: string;
  /** Why, stored in each ledger entry's content (e.g. { change: "calendar.dayAdded", date, kind, name }). */
  reason: Record<string, string | number | boolean | null>;
  actorUserId: string | null;
  actorOrgId: string | null;
  /** The calendar after the change; loaded from `tx` when omitted. */
  calendar?: WorkingCalendar;
  now?: Date;
}

export interface TRecomputeResult {
  /** Open requests whose window touches the change (reply and park review deadlines). */
  candidates: number;
  /** Requests whose dueAt moved (each got a ledger entry). */
  dueChanged: number;
  /** Requests whose provisional flag changed. */
  provisionalChanged: number;
  /** Of dueChanged, the park review deadlines that moved. */
  parkDueChanged: number;
  elapsedMs: number;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

function startOfShanghaiDay(iso: string): Date {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(t)) throw new RangeError(`recomputeDeadlines: bad day ${JSON.stringify(iso)}`);
  return new Date(t - SHANGHAI_OFFSET_MS);
}

type TCandidate = {
  id: string;
  status: RequestStatus;
  /** When the running clock started: deadlineStartAt, else forwardedAt. */
  startAt: Date;
  dueAt: Date;
  dueProvisional: boolean;
  /** deadlineDays, else the rule version's replyDeadlineDays. */
  replyDeadlineDays: number;
};

export async function recomputeDeadlines(tx: TTx, input: TRecomputeInput): Promise<TRecomputeResult> {
  const started = Date.now();
  const from = startOfShanghaiDay(input.from);
  const toExclusive = new Date(startOfShanghaiDay(input.to).getTime() + DAY_MS);
  if (toExclusive <= from) throw new RangeError("recomputeDeadlines: `to` is before `from`");
  const calendar = input.calendar ?? (await loadWorkingCalendar(tx));
  const now = input.now ?? new Date();

  const candidates = await tx.$queryRawUnsafe<TCandidate[]>(
    `SELECT r.id::text AS id, r.status::text AS status, COALESCE(r."deadlineStartAt", r."forwardedAt") AS "startAt",
            r."dueAt", r."dueProvisional", COALESCE(r."deadlineDays", v."replyDeadlineDays") AS "replyDeadlineDays"
       FROM "Request" r
       JOIN "ProgramRuleVersion" v ON v.id = r."ruleVersionId"
      WHERE r.status = ANY($1::text[]::"RequestStatus"[])
        AND r."answeredAt" IS NULL
        AND r."forwardedAt" IS NOT NULL
        AND r."dueAt" >= $2::timestamptz
        AND COALESCE(r."deadlineStartAt", r."forwardedAt") < $3::timestamptz
      ORDER BY r.id
      FOR UPDATE OF r`,
    [...RUNNING_DEADLINE_STATUSES],
    from.toISOString(),
    toExclusive.toISOString(),
  );

  const changes: TRecomputedDeadline[] = [];
  for (const c of candidates) {
    const dueAt = addWorkingDays(c.startAt, c.replyDeadlineDays, calendar);
    const provisional = isRangeProvisional(c.startAt, dueAt, calendar);
    if (dueAt.getTime() !== c.dueAt.getTime() || provisional !== c.dueProvisional)
      changes.push({
        id: c.id,
        status: c.status,
        previousDueAt: c.dueAt,
        dueAt,
        previousProvisional: c.dueProvisional,
        provisional,
        content: { replyDeadlineDays: c.replyDeadlineDays },
      });
  }
  const written = await writeRecomputedDeadlines(tx, "reply", changes, { ...input, now });

  const park = await recomputeParkReviewDeadlines(tx, { ...input, from, toExclusive, calendar, now });

  return {
    candidates: candidates.length + park.candidates,
    dueChanged: written.moved + park.dueChanged,
    provisionalChanged: written.provisionalChanged + park.provisionalChanged,
    parkDueChanged: park.dueChanged,
    elapsedMs: Date.now() - started,
  };
}
