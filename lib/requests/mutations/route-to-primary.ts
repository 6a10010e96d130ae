/**
 * RequestRoute rows: exactly one PRIMARY (the bank responsible now, = assignedBankId) and
 * any number of COPY rows. A bank that held the item before keeps a COPY route, so it
 * still sees the item it worked on. Upserts, so a re-forwarded item never trips the
 * (requestId, bankOrgId) key.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { RouteRole } from "@/lib/generated/prisma/enums";

type TTx = Prisma.TransactionClient;

export async function routeToPrimary(tx: TTx, requestId: string, primary: string, copies: readonly string[] = []): Promise<void> {
  await tx.requestRoute.updateMany({
    where: { requestId, role: RouteRole.PRIMARY, bankOrgId: { not: primary } },
    data: { role: RouteRole.COPY },
  });
  await tx.requestRoute.upsert({
    where: { requestId_bankOrgId: { requestId, bankOrgId: primary } },
    create: { requestId, bankOrgId: primary, role: RouteRole.PRIMARY },
    update: { role: RouteRole.PRIMARY },
  });
  const others = [...new Set(copies)].filter((id) => id !== primary);
  if (others.length > 0) {
    await tx.requestRoute.createMany({
      data: others.map((bankOrgId) => ({ requestId, bankOrgId, role: RouteRole.COPY })),
      skipDuplicates: true,
    });
  }
}
