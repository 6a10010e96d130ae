import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { SupportClass, SupportVerdict } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import { isNothing } from "@/lib/auth/scopes";
import { keyUuid, readKeysetPage, type TKeyColumn, type TKeysetPage, type TPageCursor } from "@/lib/pagination/keyset";
import type { TPairingScopeContext } from "@/lib/pairings/scopes";
import { supportPairingScope } from "@/lib/support/scopes";

// The year's 1+1 pairings with their support file and year-end assessment, keyset-paged in
// (bank, enterprise) order: the pairing's unique index (programId, year, bankOrgId,
// enterpriseId) serves the page for the offices and for a bank alike.

type TDb = PrismaClient | Prisma.TransactionClient;

export const SUPPORT_PAIRINGS_PAGE_SIZE = 50;

const ROW_SELECT = {
  id: true,
  bankOrgId: true,
  enterpriseId: true,
  accountManagerName: true,
  bank: { select: { name: true, shortName: true } },
  enterprise: { select: { name: true, supportClass: true } },
  supportFile: { select: { version: true, creditLineTargetFen: true } },
  supportAssessment: { select: { totalScore: true, verdict: true, version: true } },
} as const satisfies Prisma.EnterpriseBankPairingSelect;
type TRow = Prisma.EnterpriseBankPairingGetPayload<{ select: typeof ROW_SELECT }>;

export type TSupportPairingRow = {
  id: string;
  bankOrgId: string;
  enterpriseId: string;
  bankName: string;
  enterpriseName: string;
  supportClass: SupportClass | null;
  accountManagerName: string;
  hasFile: boolean;
  creditLineTargetFen: string | null;
  assessment: { totalScore: number; verdict: SupportVerdict; version: number } | null;
};

function toRow(r: TRow): TSupportPairingRow {
  return {
    id: r.id,
    bankOrgId: r.bankOrgId,
    enterpriseId: r.enterpriseId,
    bankName: r.bank.shortName ?? r.bank.name,
    enterpriseName: r.enterprise.name,
    supportClass: r.enterprise.supportClass,
    accountManagerName: r.accountManagerName,
    hasFile: r.supportFile !== null,
    creditLineTargetFen: r.supportFile?.creditLineTargetFen?.toString() ?? null,
    assessment: r.supportAssessment,
  };
}

const COLUMNS: readonly TKeyColumn[] = [
  { field: "bankOrgId", direction: "asc" },
  { field: "enterpriseId", direction: "asc" },
];
const CURSOR = z.tuple([keyUuid, keyUuid]);

/** One keyset page of the program year's running pairings the actor may see. */
export async function listSupportPairings(
  db: TDb,
  actor: TActor,
  ctx: TPairingScopeContext,
  period: { programId: string; year: number },
  cursor: TPageCursor | null = null,
): Promise<TKeysetPage<TSupportPairingRow>> {
  const scope = supportPairingScope(actor, ctx);
  if (isNothing(scope)) return { rows: [], next: null, previous: null };
  const where: Prisma.EnterpriseBankPairingWhereInput = { AND: [scope, { programId: period.programId, year: period.year, endedAt: null }] };
  return readKeysetPage(
    [
      {
        columns: COLUMNS,
        cursor: CURSOR,
        keyOf: (r: TSupportPairingRow) => [r.bankOrgId, r.enterpriseId],
        read: async (q) => {
          const rows = await db.enterpriseBankPairing.findMany({
            where: q.where ? { AND: [where, q.where] } : where,
            select: ROW_SELECT,
            orderBy: q.orderBy as Prisma.EnterpriseBankPairingOrderByWithRelationInput[],
            take: q.take,
          });
          return rows.map(toRow);
        },
      },
    ],
    cursor,
    SUPPORT_PAIRINGS_PAGE_SIZE,
  );
}
