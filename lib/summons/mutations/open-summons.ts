/**
 * The finance office opens a summons (约谈记录) for one bank after a published bulletin:
 * the meeting's date, attendees, issues and measures with deadlines, and — frozen on the
 * record — the bulletin's bottom list and the bank's overdue and escalated items of that
 * quarter (getSummonsPrefill). One transaction with its audit entry. The bank must be one
 * the bulletin ranked ("notFound" otherwise); a draft ranking is "invalidState".
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SummonsSource } from "@/lib/generated/prisma/enums";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { canActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { insertSummons } from "./insert-summons";
import type { TOpenSummonsInput } from "../schemas";
import { getSummonsPrefill, type TStoredPrefill } from "../queries/get-summons-prefill";

export type TOpenSummonsResult = { id: string; version: number };

export async function openSummons(
  db: PrismaClient,
  user: TActorSource,
  input: TOpenSummonsInput,
  opts: { now?: Date; meta?: TRequestMeta } = {},
): Promise<TOpenSummonsResult> {
  const actor = actorOf(user);
  if (!canActor(actor, "summons.manage")) throw new AppError("forbidden");
  if (!isUuid(input.rankingId) || !isUuid(input.bankOrgId)) throw new AppError("notFound");
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const exists = await tx.ranking.findUnique({ where: { id: input.rankingId }, select: { id: true } });
    if (!exists) throw new AppError("notFound");
    const prefill = await getSummonsPrefill(tx, input.rankingId, input.bankOrgId);
    if (!prefill) throw new AppError("invalidState");
    if (!prefill.banks.some((b) => b.bankOrgId === input.bankOrgId)) throw new AppError("notFound");
    const stored: TStoredPrefill = {
      rankingId: prefill.ranking.id,
      year: prefill.ranking.year,
      quarter: prefill.ranking.quarter,
      bottomList: prefill.bottomList,
      items: prefill.items,
      itemTotals: prefill.itemTotals,
    };
    const created = await insertSummons(
      tx,
      {
        programId: prefill.ranking.programId,
        source: SummonsSource.QUARTERLY_RANKING,
        rankingId: prefill.ranking.id,
        year: prefill.ranking.year,
        quarter: prefill.ranking.quarter,
      },
      input,
      stored,
      { byUserId: actor.userId, at: now },
    );
    await writeAudit(tx, {
      action: "summons.open",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Summons",
      targetId: created.id,
      ip: opts.meta?.ip ?? null,
      userAgent: opts.meta?.userAgent ?? null,
      details: { rankingId: prefill.ranking.id, bankOrgId: input.bankOrgId, measures: input.measures.length, items: prefill.items.length },
    });
    return created;
  });
}
