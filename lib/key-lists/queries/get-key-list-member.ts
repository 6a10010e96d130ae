/**
 * One member of a list with its contacts (newest first), as the actor may see it: the
 * offices any member, a bank one assigned to it or its branches on a list handed over.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { KeyContactOutcome, KeyContactWay, KeyListStatus } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { coveredBanksOf } from "@/lib/key-lists/queries/read-key-list-coverage";

export const KEY_MEMBER_CONTACTS_SHOWN = 100;

export type TKeyMemberDetail = {
  id: string;
  uscc: string;
  enterpriseName: string;
  parkName: string;
  bankOrgId: string | null;
  bankName: string | null;
  lastOutcome: KeyContactOutcome | null;
  lastContactedOn: Date | null;
  contactCount: number;
  list: { id: string; name: string; year: number; status: KeyListStatus };
  /** The member is assigned to one of the actor's banks. */
  ownBank: boolean;
  contacts: {
    id: string;
    contactedOn: Date;
    way: KeyContactWay;
    outcome: KeyContactOutcome;
    need: string | null;
    needAmountFen: bigint | null;
    creditAmountFen: bigint | null;
    note: string | null;
    bankName: string;
    recordedAt: Date;
  }[];
};

export async function getKeyListMember(db: PrismaClient, actor: TActorSource, memberId: string): Promise<TKeyMemberDetail | null> {
  const banks = await coveredBanksOf(db, actor);
  if (banks !== null && banks.length === 0) return null;
  const m = await db.keyListMember.findFirst({
    where: { id: memberId, ...(banks === null ? {} : { bankOrgId: { in: [...banks] }, list: { status: { not: "DRAFT" } } }) },
    select: {
      id: true,
      uscc: true,
      bankOrgId: true,
      lastOutcome: true,
      lastContactedOn: true,
      contactCount: true,
      enterprise: { select: { name: true, park: { select: { org: { select: { name: true } } } } } },
      bank: { select: { name: true } },
      list: { select: { id: true, name: true, year: true, status: true } },
      contacts: {
        orderBy: [{ contactedOn: "desc" }, { recordedAt: "desc" }],
        take: KEY_MEMBER_CONTACTS_SHOWN,
        select: {
          id: true,
          contactedOn: true,
          way: true,
          outcome: true,
          need: true,
          needAmountFen: true,
          creditAmountFen: true,
          note: true,
          bankOrgId: true,
          recordedAt: true,
        },
      },
    },
  });
  if (!m) return null;
  const bankIds = [...new Set(m.contacts.map((c) => c.bankOrgId))];
  const names = new Map(
    (await db.organization.findMany({ where: { id: { in: bankIds } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]),
  );
  return {
    id: m.id,
    uscc: m.uscc,
    enterpriseName: m.enterprise.name,
    parkName: m.enterprise.park.org.name,
    bankOrgId: m.bankOrgId,
    bankName: m.bank?.name ?? null,
    lastOutcome: m.lastOutcome,
    lastContactedOn: m.lastContactedOn,
    contactCount: m.contactCount,
    list: m.list,
    ownBank: banks !== null && m.bankOrgId !== null && banks.includes(m.bankOrgId),
    contacts: m.contacts.map(({ bankOrgId, ...c }) => ({ ...c, bankName: names.get(bankOrgId) ?? "" })),
  };
}
