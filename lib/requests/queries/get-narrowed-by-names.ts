import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TNarrowedByNames = { bankName: string | null; parkName: string | null };

/**
 * The names of the bank and the park a request list is narrowed to (null: none asked, or
 * no such organization). Bank and park names are public (the directory lists them).
 */
export async function getNarrowedByNames(
  db: PrismaClient,
  filters: { bank?: string | null; park?: string | null },
): Promise<TNarrowedByNames> {
  const [bank, park] = await Promise.all([
    filters.bank ? db.organization.findUnique({ where: { id: filters.bank }, select: { name: true } }) : null,
    filters.park ? db.park.findUnique({ where: { id: filters.park }, select: { org: { select: { name: true, shortName: true } } } }) : null,
  ]);
  return { bankName: bank?.name ?? null, parkName: park ? (park.org.shortName ?? park.org.name) : null };
}
