import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, PairingRole } from "@/lib/generated/prisma/enums";
import { contactFor, latestContactPerBank, pickDirectoryYear } from "../rules";

// Plain JSON (strings, no Dates).
export type TDirectoryContact = {
  department: string;
  liaisonName: string;
  liaisonMobile: string | null;
  liaisonPhone: string | null;
  effectiveOn: string;
  /** Set when the contact is the parent bank's (the paired branch has none on file). */
  fromBankName: string | null;
};
export type TDirectoryBank = { orgId: string; name: string; role: PairingRole; contact: TDirectoryContact | null };
export type TDirectoryPark = {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  district: string | null;
  address: string | null;
  windowName: string | null;
  windowPhone: string | null;
  banks: TDirectoryBank[];
};
export type TDirectory = { year: number | null; programs: string[]; parks: TDirectoryPark[]; generatedAt: string };

const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Public: every active park with its financing service window and its main and
 * participating banks for the program year (see rules.ts), each with its current
 * liaison. Only what the program publishes: the contact department, the liaison's name,
 * mobile and office phone — never the responsible persons' mobiles or anything else.
 */
export async function getDirectory(db: PrismaClient, now: Date = new Date()): Promise<TDirectory> {
  const today = shanghaiDay(now);
  const years = await db.parkBankPairing.findMany({
    where: { endedAt: null, program: { active: true } },
    distinct: ["year"],
    select: { year: true },
  });
  const year = pickDirectoryYear(
    years.map((y) => y.year),
    Number(today.slice(0, 4)),
  );

  const [parks, pairings, banks] = await Promise.all([
    db.park.findMany({
      where: { org: { active: true } },
      orderBy: { code: "asc" },
      select: {
        id: true,
        code: true,
        district: true,
        address: true,
        windowName: true,
        windowPhone: true,
        org: { select: { name: true, shortName: true } },
      },
    }),
    year === null
      ? Promise.resolve([])
      : db.parkBankPairing.findMany({
          where: { year, endedAt: null, program: { active: true }, bank: { active: true } },
          select: { parkId: true, bankOrgId: true, role: true, program: { select: { name: true } } },
        }),
    db.organization.findMany({ where: { kind: OrgKind.BANK }, select: { id: true, name: true, parentId: true } }),
  ]);

  const parentOf = new Map(banks.map((b) => [b.id, b.parentId]));
  const nameOf = new Map(banks.map((b) => [b.id, b.name]));
  // The paired banks and their ancestors: a branch without a contact shows its parent's.
  const wanted = new Set<string>();
  for (const p of pairings) {
    let id: string | null | undefined = p.bankOrgId;
    while (id && !wanted.has(id)) {
      wanted.add(id);
      id = parentOf.get(id);
    }
  }
  const contacts =
    wanted.size === 0
      ? []
      : await db.bankContact.findMany({
          where: { bankOrgId: { in: [...wanted] } },
          select: {
            bankOrgId: true,
            department: true,
            liaisonName: true,
            liaisonMobile: true,
            liaisonPhone: true,
            effectiveOn: true,
            filedAt: true,
          },
        });
  const latest = latestContactPerBank(
    contacts.map((c) => ({ ...c, effectiveOn: c.effectiveOn.toISOString().slice(0, 10), filedAt: c.filedAt.toISOString() })),
    today,
  );

  const byPark = new Map<string, TDirectoryBank[]>();
  for (const p of pairings) {
    const list = byPark.get(p.parkId) ?? [];
    if (list.some((b) => b.orgId === p.bankOrgId)) {
      // Paired under two programs the same year: MAIN wins.
      if (p.role === PairingRole.MAIN) list.find((b) => b.orgId === p.bankOrgId)!.role = PairingRole.MAIN;
      continue;
    }
    const found = contactFor(p.bankOrgId, latest, parentOf);
    list.push({
      orgId: p.bankOrgId,
      name: nameOf.get(p.bankOrgId) ?? "",
      role: p.role,
      contact: found
        ? {
            department: found.contact.department,
            liaisonName: found.contact.liaisonName,
            liaisonMobile: found.contact.liaisonMobile,
            liaisonPhone: found.contact.liaisonPhone,
            effectiveOn: found.contact.effectiveOn,
            fromBankName: found.fromBankOrgId === p.bankOrgId ? null : (nameOf.get(found.fromBankOrgId) ?? null),
          }
        : null,
    });
    byPark.set(p.parkId, list);
  }
  const roleOrder = (r: PairingRole) => (r === PairingRole.MAIN ? 0 : 1);
  for (const list of byPark.values()) list.sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.name.localeCompare(b.name, "zh-CN"));

  return {
    year,
    programs: [...new Set(pairings.map((p) => p.program.name))].sort(),
    parks: parks.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.org.name,
      shortName: p.org.shortName,
      district: p.district,
      address: p.address,
      windowName: p.windowName,
      windowPhone: p.windowPhone,
      banks: byPark.get(p.id) ?? [],
    })),
    generatedAt: now.toISOString(),
  };
}
