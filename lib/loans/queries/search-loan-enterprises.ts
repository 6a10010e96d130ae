/**
 * The enterprises a bank may record a loan for, found by USCC (exact, 18 characters) or
 * by a part of the name: approved registrations of any park, at most SEARCH_LIMIT, for a
 * bank user only. Index: Enterprise(uscc) unique; the name search is one scan of the
 * enterprise names (a city's 100,000 rows), run only when the bank user searches.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { LOAN_LIMITS } from "@/lib/loans/schemas";
import { foldFullWidth } from "@/lib/validation/fold-full-width";

export const SEARCH_LIMIT = 10;

export type TLoanEnterprise = { id: string; name: string; uscc: string; parkName: string };

export async function searchLoanEnterprises(db: PrismaClient, actor: TActorSource, query: string): Promise<TLoanEnterprise[]> {
  if (!canActor(actorOf(actor), "loans.record") || actor.orgKind !== OrgKind.BANK) return [];
  const q = foldFullWidth(query).trim();
  // Too short to narrow a city's registry, or longer than any name: no search.
  if (q.length < 2 || q.length > LOAN_LIMITS.query) return [];
  const uscc = q.toUpperCase();
  const rows = await db.enterprise.findMany({
    where: {
      registrationStatus: RegistrationStatus.APPROVED,
      OR: /^[0-9A-Z]{18}$/.test(uscc) ? [{ uscc }] : [{ name: { contains: q } }],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: SEARCH_LIMIT,
    select: { id: true, name: true, uscc: true, park: { select: { org: { select: { name: true } } } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, uscc: r.uscc, parkName: r.park.org.name }));
}

/** One enterprise by id, as the search shows it (the list's filter names it). */
export async function getLoanEnterprise(db: PrismaClient, id: string): Promise<TLoanEnterprise | null> {
  const r = await db.enterprise.findUnique({
    where: { id },
    select: { id: true, name: true, uscc: true, park: { select: { org: { select: { name: true } } } } },
  });
  return r ? { id: r.id, name: r.name, uscc: r.uscc, parkName: r.park.org.name } : null;
}
