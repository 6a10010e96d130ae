/**
 * One key-enterprise list as the actor may see it (a bank: handed over and with members
 * assigned to it, else "not found"), with its coverage per bank.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { KeyListStatus } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { coveredBanksOf, readKeyListBankCoverage, type TBankCoverage } from "@/lib/key-lists/queries/read-key-list-coverage";
import { addCoverage, EMPTY_COVERAGE, type TCoverage } from "@/lib/key-lists/rules";

export type TKeyListDetail = {
  id: string;
  year: number;
  name: string;
  sourceTag: string | null;
  status: KeyListStatus;
  version: number;
  createdAt: Date;
  assignedAt: Date | null;
  closedAt: Date | null;
  programName: string;
  banks: TBankCoverage[];
  total: TCoverage;
  /** Whether the figures are the actor's banks' only. */
  ownBanksOnly: boolean;
};

export async function getKeyList(db: PrismaClient, actor: TActorSource, listId: string): Promise<TKeyListDetail | null> {
  const banks = await coveredBanksOf(db, actor);
  if (banks !== null && banks.length === 0) return null;
  const list = await db.keyList.findFirst({
    where: { id: listId, ...(banks === null ? {} : { status: { not: KeyListStatus.DRAFT } }) },
    select: {
      id: true,
      year: true,
      name: true,
      sourceTag: true,
      status: true,
      version: true,
      createdAt: true,
      assignedAt: true,
      closedAt: true,
      program: { select: { name: true } },
    },
  });
  if (!list) return null;
  const rows = await readKeyListBankCoverage(db, actor, list.id);
  if (banks !== null && rows.length === 0) return null;
  const { program, ...rest } = list;
  return {
    ...rest,
    programName: program.name,
    banks: rows,
    total: rows.reduce((sum, r) => addCoverage(sum, r.coverage), EMPTY_COVERAGE),
    ownBanksOnly: banks !== null,
  };
}
