import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import type { TBankRef, TParkRef } from "../rules";

type TDb = PrismaClient | Prisma.TransactionClient;

/** Parks a file may name: those whose organization is active. */
export async function listImportParks(db: TDb): Promise<TParkRef[]> {
  const parks = await db.park.findMany({
    where: { org: { active: true } },
    orderBy: { code: "asc" },
    select: { id: true, code: true, org: { select: { name: true, shortName: true } } },
  });
  return parks.map((p) => ({ id: p.id, code: p.code, name: p.org.name, shortName: p.org.shortName }));
}

/** The park of a park window's organization, or null. */
export async function parkOfOrg(db: TDb, orgId: string): Promise<TParkRef | null> {
  const p = await db.park.findFirst({
    where: { orgId, org: { active: true } },
    select: { id: true, code: true, org: { select: { name: true, shortName: true } } },
  });
  return p ? { id: p.id, code: p.code, name: p.org.name, shortName: p.org.shortName } : null;
}

/** Banks (any level) a contacts file may name: active bank organizations. */
export async function listImportBanks(db: TDb): Promise<TBankRef[]> {
  return db.organization.findMany({
    where: { kind: OrgKind.BANK, active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, shortName: true },
  });
}

const LOOKUP_SLICE = 5000;

/** Which of these USCCs are already registered (any status). */
export async function findExistingUsccs(db: TDb, usccs: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < usccs.length; i += LOOKUP_SLICE) {
    const rows = await db.enterprise.findMany({ where: { uscc: { in: usccs.slice(i, i + LOOKUP_SLICE) } }, select: { uscc: true } });
    for (const r of rows) found.add(r.uscc);
  }
  return found;
}

/** "bankOrgId|YYYY-MM-DD" of contacts already filed for these banks. */
export async function findExistingContactKeys(db: TDb, bankOrgIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.bankContact.findMany({
    where: { bankOrgId: { in: [...new Set(bankOrgIds)] } },
    select: { bankOrgId: true, effectiveOn: true },
  });
  return new Set(rows.map((r) => `${r.bankOrgId}|${r.effectiveOn.toISOString().slice(0, 10)}`));
}
