/**
 * The rectification overdue at the next bulletin: summonses of the program opened after
 * an EARLIER quarter's bulletin whose earliest measure deadline has passed (Shanghai day)
 * without an accepted completion report. Shown as a section of the ranking's page; read
 * live (a summons closed later drops off), scoped by summonsScope. Index:
 * Summons(programId, status, dueOn).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SummonsStatus } from "@/lib/generated/prisma/enums";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing } from "@/lib/auth/scopes";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { summonsScope } from "../scopes";

export type TOverdueSummons = { id: string; bankName: string; year: number; quarter: number | null; dueOn: Date; status: SummonsStatus };

/** At most `limit` rows, earliest deadline first. */
export async function listOverdueSummons(
  db: PrismaClient,
  user: TActorSource,
  params: { programId: string; year: number; quarter: number; now?: Date; limit?: number },
): Promise<TOverdueSummons[]> {
  const scope = summonsScope(actorOf(user));
  if (isNothing(scope)) return [];
  const today = new Date(`${shanghaiDateString(params.now ?? new Date())}T00:00:00Z`);
  const rows = await db.summons.findMany({
    where: {
      AND: [
        scope,
        {
          programId: params.programId,
          status: { not: SummonsStatus.COMPLETED },
          dueOn: { lt: today },
          OR: [{ year: { lt: params.year } }, { year: params.year, quarter: { lt: params.quarter } }],
        },
      ],
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: params.limit ?? 100,
    select: { id: true, bank: { select: { name: true } }, year: true, quarter: true, dueOn: true, status: true },
  });
  return rows.map(({ bank, ...r }) => ({ ...r, bankName: bank.name }));
}
