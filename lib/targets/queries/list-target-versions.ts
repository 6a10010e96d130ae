import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/ids";

export type TTargetVersion = {
  id: string;
  version: number;
  amountFen: string;
  borrowers: number;
  firstLoans: number;
  creditLoans: number;
  note: string | null;
  setByName: string | null;
  setAt: Date;
};

export type TBankTargetHistory = { bankOrgId: string; bankName: string; versions: TTargetVersion[] };

/**
 * One bank's credit targets for the program year, newest version first (the first is the
 * one in force), for the finance office's target page. Null when the bank does not exist;
 * nothing for anyone who may not set targets.
 */
export async function listTargetVersions(
  db: PrismaClient,
  actor: TActor,
  input: { programId: string; year: number; bankOrgId: string },
): Promise<TBankTargetHistory | null> {
  if (!canActor(actor, "targets.manage") || !isUuid(input.bankOrgId)) return null;
  const bank = await db.organization.findFirst({
    where: { id: input.bankOrgId, kind: "BANK" },
    select: {
      id: true,
      name: true,
      creditTargets: {
        where: { programId: input.programId, year: input.year },
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          amountFen: true,
          borrowers: true,
          firstLoans: true,
          creditLoans: true,
          note: true,
          createdAt: true,
          createdBy: { select: { name: true } },
        },
      },
    },
  });
  if (!bank) return null;
  return {
    bankOrgId: bank.id,
    bankName: bank.name,
    versions: bank.creditTargets.map((t) => ({
      id: t.id,
      version: t.version,
      amountFen: t.amountFen.toString(),
      borrowers: t.borrowers,
      firstLoans: t.firstLoans,
      creditLoans: t.creditLoans,
      note: t.note,
      setByName: t.createdBy?.name ?? null,
      setAt: t.createdAt,
    })),
  };
}
