import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { SupportClass, SupportReportStatus, SupportVerdict } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import { isNothing } from "@/lib/auth/scopes";
import { isUuid } from "@/lib/ids";
import type { TPairingScopeContext } from "@/lib/pairings/scopes";
import { monthOf } from "@/lib/support/rules";
import { supportPairingScope } from "@/lib/support/scopes";

type TDb = PrismaClient | Prisma.TransactionClient;

export type TSupportPairing = {
  id: string;
  year: number;
  bankName: string;
  enterpriseName: string;
  enterpriseId: string;
  supportClass: SupportClass | null;
  accountManagerName: string;
  ended: boolean;
  rules: { startMonth: number; dueDay: number; reviewOffice: number };
  file: {
    version: number;
    profile: string;
    coachingPlan: string;
    creditLineTargetFen: string | null;
    otherTargets: string | null;
    updatedAt: Date;
  } | null;
  /** The year's reports, newest month first (twelve at most). */
  reports: {
    id: string;
    month: string;
    status: SupportReportStatus;
    revision: number;
    version: number;
    dueOn: Date;
    late: boolean;
    creditGrantedFen: string;
  }[];
  assessment: {
    version: number;
    coachingScore: number;
    creditScore: number;
    reportingScore: number;
    totalScore: number;
    verdict: SupportVerdict;
    comment: string | null;
  } | null;
  classChanges: { fromClass: SupportClass | null; toClass: SupportClass; reason: string; changedAt: Date }[];
};

/** A pairing's support file, its year of reports and its assessment; null outside the actor's scope. */
export async function getSupportPairing(
  db: TDb,
  actor: TActor,
  ctx: TPairingScopeContext,
  pairingId: string,
): Promise<TSupportPairing | null> {
  if (!isUuid(pairingId)) return null;
  const scope = supportPairingScope(actor, ctx);
  if (isNothing(scope)) return null;
  const p = await db.enterpriseBankPairing.findFirst({
    where: { AND: [{ id: pairingId }, scope] },
    select: {
      id: true,
      year: true,
      endedAt: true,
      accountManagerName: true,
      enterpriseId: true,
      bank: { select: { name: true, shortName: true } },
      enterprise: {
        select: {
          name: true,
          supportClass: true,
          classChanges: {
            orderBy: { changedAt: "desc" },
            take: 10,
            select: { fromClass: true, toClass: true, reason: true, changedAt: true },
          },
        },
      },
      program: {
        select: {
          ruleVersions: {
            orderBy: { version: "desc" },
            take: 1,
            select: { supportReportStartMonth: true, supportReportDueDay: true, supportReviewOffice: true },
          },
        },
      },
      supportFile: {
        select: { version: true, profile: true, coachingPlan: true, creditLineTargetFen: true, otherTargets: true, updatedAt: true },
      },
      supportReports: {
        orderBy: { month: "desc" },
        take: 12,
        select: { id: true, month: true, status: true, revision: true, version: true, dueOn: true, lateAt: true, creditGrantedFen: true },
      },
      supportAssessment: {
        select: {
          version: true,
          coachingScore: true,
          creditScore: true,
          reportingScore: true,
          totalScore: true,
          verdict: true,
          comment: true,
        },
      },
    },
  });
  if (!p) return null;
  const rules = p.program.ruleVersions[0];
  return {
    id: p.id,
    year: p.year,
    bankName: p.bank.shortName ?? p.bank.name,
    enterpriseName: p.enterprise.name,
    enterpriseId: p.enterpriseId,
    supportClass: p.enterprise.supportClass,
    accountManagerName: p.accountManagerName,
    ended: p.endedAt !== null,
    rules: {
      startMonth: rules?.supportReportStartMonth ?? 8,
      dueDay: rules?.supportReportDueDay ?? 31,
      reviewOffice: rules?.supportReviewOffice ?? 0,
    },
    file: p.supportFile && { ...p.supportFile, creditLineTargetFen: p.supportFile.creditLineTargetFen?.toString() ?? null },
    reports: p.supportReports.map((r) => ({
      id: r.id,
      month: monthOf(r.month),
      status: r.status,
      revision: r.revision,
      version: r.version,
      dueOn: r.dueOn,
      late: r.lateAt !== null,
      creditGrantedFen: r.creditGrantedFen.toString(),
    })),
    assessment: p.supportAssessment,
    classChanges: p.enterprise.classChanges,
  };
}
