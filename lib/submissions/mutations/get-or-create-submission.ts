import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, SubmissionStatus } from "@/lib/generated/prisma/enums";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { canActor } from "@/lib/auth/permissions";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { hasQuarterEnded, isQuarterKey, quarterBounds, submissionDueAt, type TQuarterKey } from "@/lib/submissions/quarter";
import { loadPairedParks } from "@/lib/submissions/queries/load-paired-parks";
import { windowDaysOf } from "@/lib/submissions/queries/list-submission-programs";
import { SUBMISSION_TX, type TSubmissionOptions } from "@/lib/submissions/mutations/run-submission-step";

export type TOpenSubmissionInput = TQuarterKey & { programId: string };

/**
 * The bank's submission for a quarter of a program, started as a DRAFT if it does not
 * exist yet (idempotent: a second call, or two at once, finds the same row). Only the
 * bank's own users, only once the quarter has ended ("quarterNotEnded"), only for a bank with
 * a park pairing in the program ("notPaired"). The due date is fixed when it is started:
 * quarterlyWindowDays working days after the quarter's last day, on the calendar of now.
 */
export async function getOrCreateSubmission(
  db: PrismaClient,
  user: TActorSource,
  input: TOpenSubmissionInput,
  opts: TSubmissionOptions = {},
): Promise<{ id: string; created: boolean }> {
  const now = opts.now ?? new Date();
  const actor = actorOf(user);
  if (!canActor(actor, "submissions.submit") || actor.orgKind !== OrgKind.BANK) throw new AppError("forbidden");
  if (!isQuarterKey(input) || !isUuid(input.programId)) throw new AppError("invalidInput");
  const q: TQuarterKey = { year: input.year, quarter: input.quarter };
  if (!hasQuarterEnded(q, now)) throw new AppError("quarterNotEnded");

  return db.$transaction(async (tx) => {
    const program = await tx.program.findFirst({ where: { id: input.programId, active: true }, select: { id: true } });
    if (!program) throw new AppError("noProgram");
    const key = { programId: program.id, bankOrgId: actor.orgId, year: q.year, quarter: q.quarter };
    const existing = await tx.quarterlySubmission.findUnique({ where: { programId_bankOrgId_year_quarter: key }, select: { id: true } });
    if (existing) return { id: existing.id, created: false };
    const parks = await loadPairedParks(tx, { programId: program.id, bankOrgId: actor.orgId, quarterStart: quarterBounds(q).start });
    if (parks.length === 0) throw new AppError("notPaired");

    const windowDays = await windowDaysOf(tx, program.id);
    const dueAt = submissionDueAt(q, windowDays, await loadWorkingCalendar(tx));
    // Two clicks at once: the unique key lets one insert win; both then read that row.
    const inserted = await tx.quarterlySubmission.createMany({
      data: [{ ...key, status: SubmissionStatus.DRAFT, dueAt }],
      skipDuplicates: true,
    });
    const row = await tx.quarterlySubmission.findUniqueOrThrow({ where: { programId_bankOrgId_year_quarter: key }, select: { id: true } });
    if (inserted.count === 1) {
      await writeAudit(tx, {
        action: "submissions.open",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "QuarterlySubmission",
        targetId: row.id,
        ip: opts.meta?.ip ?? null,
        userAgent: opts.meta?.userAgent ?? null,
        details: { programId: program.id, year: q.year, quarter: q.quarter, dueAt: dueAt.toISOString(), windowDays },
      });
    }
    return { id: row.id, created: inserted.count === 1 };
  }, SUBMISSION_TX);
}
