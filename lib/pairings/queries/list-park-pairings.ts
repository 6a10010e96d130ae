import type { Prisma } from "@/lib/generated/prisma/client";
import { PairingRole } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import { isNothing } from "@/lib/auth/scopes";
import { maskMobile } from "@/lib/privacy/mask";
import { oneOnOneScope, parkPairingScope, type TPairingScopeContext } from "@/lib/pairings/scopes";
import type { TPairingProgram } from "@/lib/pairings/queries/get-pairing-program";

type TDb = Pick<Prisma.TransactionClient, "park" | "enterpriseBankPairing">;

export type TPairedBank = { pairingId: string; bankOrgId: string; bankName: string; changeReason: string | null };

export type TParkPairingRow = {
  parkId: string;
  parkName: string;
  main: TPairedBank | null;
  participating: TPairedBank[];
};

export type TOneOnOneRow = {
  id: string;
  bankOrgId: string;
  bankName: string;
  parentBankName: string | null;
  enterpriseId: string;
  enterpriseName: string;
  parkName: string;
  accountManagerName: string;
  /** Masked before it leaves the server. */
  accountManagerMobileMasked: string | null;
  changeReason: string | null;
};

const orgLabel = (o: { name: string; shortName: string | null }) => o.shortName ?? o.name;

/** Each park the actor may see, with its current main bank and participating banks. */
export async function listParkPairings(
  db: TDb,
  actor: TActor,
  ctx: TPairingScopeContext,
  program: TPairingProgram,
): Promise<TParkPairingRow[]> {
  const period = { programId: program.id, year: program.year };
  const scope = parkPairingScope(actor, ctx, period);
  if (isNothing(scope)) return [];
  const parks = await db.park.findMany({
    where: scope,
    orderBy: { code: "asc" },
    select: {
      id: true,
      org: { select: { name: true, shortName: true } },
      pairings: {
        where: { ...period, endedAt: null },
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        select: { id: true, role: true, bankOrgId: true, changeReason: true, bank: { select: { name: true } } },
      },
    },
  });
  return parks.map((p) => {
    const bank = (x: (typeof p.pairings)[number]): TPairedBank => ({
      pairingId: x.id,
      bankOrgId: x.bankOrgId,
      bankName: x.bank.name,
      changeReason: x.changeReason,
    });
    const main = p.pairings.find((x) => x.role === PairingRole.MAIN);
    return {
      parkId: p.id,
      parkName: orgLabel(p.org),
      main: main ? bank(main) : null,
      participating: p.pairings.filter((x) => x.role === PairingRole.PARTICIPATING).map(bank),
    };
  });
}

/** Current "1+1" pairings the actor may see, by bank then enterprise. */
export async function listOneOnOnePairings(
  db: TDb,
  actor: TActor,
  ctx: TPairingScopeContext,
  program: TPairingProgram,
): Promise<TOneOnOneRow[]> {
  const scope = oneOnOneScope(actor, ctx);
  if (isNothing(scope)) return [];
  const rows = await db.enterpriseBankPairing.findMany({
    where: { AND: [scope, { programId: program.id, year: program.year, endedAt: null }] },
    orderBy: [{ bank: { name: "asc" } }, { enterprise: { name: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      bankOrgId: true,
      accountManagerName: true,
      accountManagerMobile: true,
      changeReason: true,
      bank: { select: { name: true, parent: { select: { name: true } } } },
      enterprise: { select: { id: true, name: true, park: { select: { org: { select: { name: true, shortName: true } } } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    bankOrgId: r.bankOrgId,
    bankName: r.bank.name,
    parentBankName: r.bank.parent?.name ?? null,
    enterpriseId: r.enterprise.id,
    enterpriseName: r.enterprise.name,
    parkName: orgLabel(r.enterprise.park.org),
    accountManagerName: r.accountManagerName,
    accountManagerMobileMasked: maskMobile(r.accountManagerMobile),
    changeReason: r.changeReason,
  }));
}
