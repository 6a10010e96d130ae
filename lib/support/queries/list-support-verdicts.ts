import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { SupportVerdict } from "@/lib/generated/prisma/enums";

// The year-end assessment's two lists: the pairings commended (表彰) and criticized (通报批评),
// best and worst first, read by SupportAssessment(year, verdict, totalScore, id). Each list
// is capped: a city has a few hundred pairings, and the lists go to the government.

type TDb = PrismaClient | Prisma.TransactionClient;

export const VERDICT_LIST_MAX = 500;

export type TVerdictRow = { pairingId: string; bankName: string; enterpriseName: string; totalScore: number; comment: string | null };

export async function listSupportVerdicts(db: TDb, year: number): Promise<Record<Exclude<SupportVerdict, "NONE">, TVerdictRow[]>> {
  const read = async (verdict: SupportVerdict, direction: "asc" | "desc") => {
    const rows = await db.supportAssessment.findMany({
      where: { year, verdict },
      orderBy: [{ totalScore: direction }, { id: "asc" }],
      take: VERDICT_LIST_MAX,
      select: {
        pairingId: true,
        totalScore: true,
        comment: true,
        pairing: { select: { bank: { select: { name: true, shortName: true } }, enterprise: { select: { name: true } } } },
      },
    });
    return rows.map((r) => ({
      pairingId: r.pairingId,
      bankName: r.pairing.bank.shortName ?? r.pairing.bank.name,
      enterpriseName: r.pairing.enterprise.name,
      totalScore: r.totalScore,
      comment: r.comment,
    }));
  };
  const [COMMEND, CRITICIZE] = await Promise.all([read("COMMEND", "desc"), read("CRITICIZE", "asc")]);
  return { COMMEND, CRITICIZE };
}
