import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { TStoredPrefill } from "../queries/get-summons-prefill";

/** What every summons record holds, whatever opened it: the meeting and its measures. */
export type TSummonsMeeting = {
  bankOrgId: string;
  heldOn: string;
  attendees: string;
  issues: string;
  measures: { text: string; deadline: string }[];
};

export type TOpenSummonsResult = { id: string; version: number };

/** What the source of a summons (a published bulletin, a half-year evaluation) gives it. */
export type TSummonsSource = {
  /** What opened it and its period. */
  source: Pick<Prisma.SummonsUncheckedCreateInput, "programId" | "source" | "rankingId" | "sourceRef" | "year" | "quarter">;
  /** The pre-fill frozen on the record. */
  stored: TStoredPrefill;
  audit: { action: string; details: Prisma.InputJsonObject };
};

/**
 * Opens a summons (约谈记录) for the finance office, whatever its source: the permission,
 * the ids (`ids`: the source's and the bank's; not a uuid is "notFound"), then in one
 * transaction `readSource` (which checks the source and throws its refusals), the record
 * with its measures, and the audit entry. The record's due day is its earliest measure's
 * deadline.
 */
export async function openSummonsRecord(
  db: PrismaClient,
  user: TActorSource,
  ids: string[],
  meeting: TSummonsMeeting,
  readSource: (tx: Prisma.TransactionClient) => Promise<TSummonsSource>,
  opts: { now?: Date; meta?: TRequestMeta },
): Promise<TOpenSummonsResult> {
  const actor = actorOf(user);
  if (!canActor(actor, "summons.manage")) throw new AppError("forbidden");
  if (!ids.every(isUuid)) throw new AppError("notFound");
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const { source, stored, audit } = await readSource(tx);
    const deadlines = meeting.measures.map((m) => m.deadline).sort();
    const created = await tx.summons.create({
      data: {
        ...source,
        bankOrgId: meeting.bankOrgId,
        heldOn: new Date(`${meeting.heldOn}T00:00:00Z`),
        attendees: meeting.attendees,
        issues: meeting.issues,
        prefill: stored as unknown as Prisma.InputJsonValue,
        dueOn: new Date(`${deadlines[0]}T00:00:00Z`),
        openedById: actor.userId,
        openedAt: now,
        measures: {
          create: meeting.measures.map((m, i) => ({ position: i + 1, text: m.text, deadline: new Date(`${m.deadline}T00:00:00Z`) })),
        },
      },
      select: { id: true, version: true },
    });
    await writeAudit(tx, {
      action: audit.action,
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Summons",
      targetId: created.id,
      ip: opts.meta?.ip ?? null,
      userAgent: opts.meta?.userAgent ?? null,
      details: audit.details,
    });
    return created;
  });
}
