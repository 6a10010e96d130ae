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
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { AppError } from "@/lib/errors";
import { openSummonsRecord, type TOpenSummonsResult } from "./open-summons-record";
import type { TOpenSummonsInput } from "../schemas";
import { getSummonsPrefill } from "../queries/get-summons-prefill";

export async function openSummons(
  db: PrismaClient,
  user: TActorSource,
  input: TOpenSummonsInput,
  opts: { now?: Date; meta?: TRequestMeta } = {},
): Promise<TOpenSummonsResult> {
  return openSummonsRecord(
    db,
    user,
    [input.rankingId, input.bankOrgId],
    input,
    async (tx) => {
      const exists = await tx.ranking.findUnique({ where: { id: input.rankingId }, select: { id: true } });
      if (!exists) throw new AppError("notFound");
      const prefill = await getSummonsPrefill(tx, input.rankingId, input.bankOrgId);
      if (!prefill) throw new AppError("invalidState");
      if (!prefill.banks.some((b) => b.bankOrgId === input.bankOrgId)) throw new AppError("notFound");
      const { ranking } = prefill;
      return {
        source: {
          programId: ranking.programId,
          source: SummonsSource.QUARTERLY_RANKING,
          rankingId: ranking.id,
          year: ranking.year,
          quarter: ranking.quarter,
        },
        stored: {
          rankingId: ranking.id,
          year: ranking.year,
          quarter: ranking.quarter,
          bottomList: prefill.bottomList,
          items: prefill.items,
          itemTotals: prefill.itemTotals,
        },
        audit: {
          action: "summons.open",
          details: { rankingId: ranking.id, bankOrgId: input.bankOrgId, measures: input.measures.length, items: prefill.items.length },
        },
      };
    },
    opts,
  );
}
