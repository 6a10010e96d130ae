import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RewardRestrictionKind } from "@/lib/generated/prisma/enums";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { bankWithDescendants } from "@/lib/auth/queries/load-scope-context";
import { isUuid } from "@/lib/ids";

// Who sees which register entries (decided here, used by the list and the single entry):
// the finance office and the central bank branch every entry; a bank its own line only —
// itself, the banks above it (a measure on the branch that is assessed reaches its
// sub-branches, as a target does: decision 020) and its branches — so another bank's
// entry is "not found", never "forbidden"; parks and enterprises nothing (no rewards.read).

export type TRewardRestrictionRow = {
  id: string;
  programId: string;
  bankOrgId: string;
  bankName: string;
  kind: RewardRestrictionKind;
  measure: string;
  issuingOffice: string;
  /** "YYYY-MM-DD" (a calendar day, no time). */
  issuedOn: string;
  basis: string;
  rankingId: string | null;
  rankingYear: number | null;
  supersedesId: string | null;
  /** The entry that corrects or withdraws this one: this one is no longer in force. */
  supersededById: string | null;
  withdrawn: boolean;
  createdAt: Date;
};

/** A register is tens of entries a year; one page shows this many, newest first. */
export const REGISTER_PAGE_SIZE = 200;

async function scopeOf(db: PrismaClient, actor: TActor): Promise<Prisma.RewardRestrictionWhereInput | null> {
  if (!canActor(actor, "rewards.read")) return null;
  const area = areaOfRole(actor.role);
  if (area === "finance" || area === "pbc") return {};
  if (area === "bank") {
    const [down, up] = await Promise.all([bankWithDescendants(db, actor.orgId), banksAbove(db, actor.orgId)]);
    return { bankOrgId: { in: [...new Set([...down, ...up])] } };
  }
  return null;
}

/** The banks above a bank, up to its head office (not itself). */
async function banksAbove(db: PrismaClient, bankOrgId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE up AS (
      SELECT "parentId" AS id FROM "Organization" WHERE id = ${bankOrgId}::uuid AND kind = 'BANK'
      UNION ALL
      SELECT o."parentId" FROM "Organization" o JOIN up ON o.id = up.id WHERE o.kind = 'BANK'
    )
    SELECT up.id::text AS id FROM up JOIN "Organization" o ON o.id = up.id WHERE o.kind = 'BANK'`;
  return rows.map((r) => r.id);
}

const SELECT = {
  id: true,
  programId: true,
  bankOrgId: true,
  bank: { select: { name: true } },
  kind: true,
  measure: true,
  issuingOffice: true,
  issuedOn: true,
  basis: true,
  rankingId: true,
  ranking: { select: { year: true } },
  supersedesId: true,
  supersededBy: { select: { id: true } },
  withdrawn: true,
  createdAt: true,
} as const;

function toRow(r: Prisma.RewardRestrictionGetPayload<{ select: typeof SELECT }>): TRewardRestrictionRow {
  return {
    id: r.id,
    programId: r.programId,
    bankOrgId: r.bankOrgId,
    bankName: r.bank.name,
    kind: r.kind,
    measure: r.measure,
    issuingOffice: r.issuingOffice,
    issuedOn: r.issuedOn.toISOString().slice(0, 10),
    basis: r.basis,
    rankingId: r.rankingId,
    rankingYear: r.ranking?.year ?? null,
    supersedesId: r.supersedesId,
    supersededById: r.supersededBy?.id ?? null,
    withdrawn: r.withdrawn,
    createdAt: r.createdAt,
  };
}

/**
 * The program's register as the actor may see it, newest measure first (the index on
 * (programId, issuedOn, id) / (bankOrgId, issuedOn, id) serves both scopes).
 */
export async function listRewardRestrictions(db: PrismaClient, actor: TActor, programId: string): Promise<TRewardRestrictionRow[]> {
  if (!isUuid(programId)) return [];
  const scope = await scopeOf(db, actor);
  if (!scope) return [];
  const rows = await db.rewardRestriction.findMany({
    where: { AND: [scope, { programId }] },
    select: SELECT,
    orderBy: [{ issuedOn: "desc" }, { id: "desc" }],
    take: REGISTER_PAGE_SIZE,
  });
  return rows.map(toRow);
}

/** One entry as the actor may see it, or null (unknown, or another bank's: "not found"). */
export async function getRewardRestriction(db: PrismaClient, actor: TActor, id: string): Promise<TRewardRestrictionRow | null> {
  if (!isUuid(id)) return null;
  const scope = await scopeOf(db, actor);
  if (!scope) return null;
  const row = await db.rewardRestriction.findFirst({ where: { AND: [scope, { id }] }, select: SELECT });
  return row ? toRow(row) : null;
}
