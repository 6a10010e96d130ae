/**
 * A list's members by USCC, a keyset page at a time: the offices every member, a bank
 * those assigned to it or its branches. Indexes: KeyListMember(listId, uscc, id) and
 * (bankOrgId, listId, uscc, id).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { KeyContactOutcome } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { keyUuid, readKeysetPage, type TKeyColumn, type TKeysetPage, type TPageCursor } from "@/lib/pagination/keyset";
import { coveredBanksOf } from "@/lib/key-lists/queries/read-key-list-coverage";
import { z } from "zod";

export const KEY_MEMBER_PAGE_SIZE = 50;

export type TKeyMemberRow = {
  id: string;
  uscc: string;
  enterpriseName: string;
  parkName: string;
  bankName: string | null;
  lastOutcome: KeyContactOutcome | null;
  lastContactedOn: Date | null;
  contactCount: number;
};

const COLUMNS: readonly TKeyColumn[] = [
  { field: "uscc", direction: "asc" },
  { field: "id", direction: "asc" },
];
const CURSOR = z.tuple([z.string().length(18), keyUuid]);

export const KEY_MEMBER_SELECT = {
  id: true,
  uscc: true,
  lastOutcome: true,
  lastContactedOn: true,
  contactCount: true,
  enterprise: { select: { name: true, park: { select: { org: { select: { name: true } } } } } },
  bank: { select: { name: true } },
} as const satisfies Prisma.KeyListMemberSelect;

export function keyMemberRow(m: Prisma.KeyListMemberGetPayload<{ select: typeof KEY_MEMBER_SELECT }>): TKeyMemberRow {
  return {
    id: m.id,
    uscc: m.uscc,
    enterpriseName: m.enterprise.name,
    parkName: m.enterprise.park.org.name,
    bankName: m.bank?.name ?? null,
    lastOutcome: m.lastOutcome,
    lastContactedOn: m.lastContactedOn,
    contactCount: m.contactCount,
  };
}

/** The members' where for the actor (null: the actor sees none of this list). */
export async function keyMemberScope(
  db: PrismaClient,
  actor: TActorSource,
  listId: string,
): Promise<Prisma.KeyListMemberWhereInput | null> {
  const banks = await coveredBanksOf(db, actor);
  if (banks === null) return { listId };
  if (banks.length === 0) return null;
  return { listId, bankOrgId: { in: [...banks] }, list: { status: { not: "DRAFT" } } };
}

export async function listKeyListMembers(
  db: PrismaClient,
  actor: TActorSource,
  listId: string,
  cursor: TPageCursor | null = null,
): Promise<TKeysetPage<TKeyMemberRow>> {
  const scope = await keyMemberScope(db, actor, listId);
  if (!scope) return { rows: [], next: null, previous: null };
  return readKeysetPage(
    [
      {
        columns: COLUMNS,
        cursor: CURSOR,
        keyOf: (r: TKeyMemberRow) => [r.uscc, r.id],
        read: async (q) =>
          (
            await db.keyListMember.findMany({
              where: q.where ? { AND: [scope, q.where] } : scope,
              orderBy: q.orderBy as Prisma.KeyListMemberOrderByWithRelationInput[],
              take: q.take,
              select: KEY_MEMBER_SELECT,
            })
          ).map(keyMemberRow),
      },
    ],
    cursor,
    KEY_MEMBER_PAGE_SIZE,
  );
}
