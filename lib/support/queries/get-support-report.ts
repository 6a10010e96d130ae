import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OrgKind, SupportReportStatus, SupportReviewDecision } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import { isNothing } from "@/lib/auth/scopes";
import { isUuid } from "@/lib/ids";
import type { TPairingScopeContext } from "@/lib/pairings/scopes";
import { monthOf, reviewingOfficeKind } from "@/lib/support/rules";
import type { TActivity } from "@/lib/support/schemas";
import { supportPairingScope } from "@/lib/support/scopes";

type TDb = PrismaClient | Prisma.TransactionClient;

export type TSupportRevision = {
  revision: number;
  plan: string;
  progress: string;
  creditGrantedFen: string;
  activities: TActivity[];
  late: boolean;
  filedAt: Date;
  filedByName: string;
};

export type TSupportReportDetail = {
  id: string;
  pairingId: string;
  month: string;
  dueOn: Date;
  status: SupportReportStatus;
  revision: number;
  version: number;
  late: boolean;
  returnReason: string | null;
  bankName: string;
  enterpriseName: string;
  accountManagerName: string;
  reviewingOffice: OrgKind;
  /** Newest first: every revision filed, never edited. */
  revisions: TSupportRevision[];
  reviews: { revision: number; decision: SupportReviewDecision; reason: string | null; reviewedAt: Date; reviewerName: string }[];
};

function activitiesOf(json: unknown): TActivity[] {
  if (!Array.isArray(json)) return [];
  return json.filter((a): a is TActivity => typeof a === "object" && a !== null && typeof (a as TActivity).date === "string");
}

/** One report with its revisions and reviews; null outside the actor's scope. */
export async function getSupportReport(
  db: TDb,
  actor: TActor,
  ctx: TPairingScopeContext,
  reportId: string,
): Promise<TSupportReportDetail | null> {
  if (!isUuid(reportId)) return null;
  const scope = supportPairingScope(actor, ctx);
  if (isNothing(scope)) return null;
  const r = await db.supportReport.findFirst({
    where: { id: reportId, pairing: scope },
    select: {
      id: true,
      month: true,
      dueOn: true,
      status: true,
      revision: true,
      version: true,
      lateAt: true,
      returnReason: true,
      pairing: {
        select: {
          id: true,
          accountManagerName: true,
          bank: { select: { name: true, shortName: true } },
          enterprise: { select: { name: true } },
          program: { select: { ruleVersions: { orderBy: { version: "desc" }, take: 1, select: { supportReviewOffice: true } } } },
        },
      },
      revisions: { orderBy: { revision: "desc" } },
      reviews: { orderBy: { reviewedAt: "desc" } },
    },
  });
  if (!r) return null;
  const userIds = [...new Set([...r.revisions.map((v) => v.filedById), ...r.reviews.map((v) => v.reviewerId)])];
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return {
    id: r.id,
    pairingId: r.pairing.id,
    month: monthOf(r.month),
    dueOn: r.dueOn,
    status: r.status,
    revision: r.revision,
    version: r.version,
    late: r.lateAt !== null,
    returnReason: r.returnReason,
    bankName: r.pairing.bank.shortName ?? r.pairing.bank.name,
    enterpriseName: r.pairing.enterprise.name,
    accountManagerName: r.pairing.accountManagerName,
    reviewingOffice: reviewingOfficeKind(r.pairing.program.ruleVersions[0]?.supportReviewOffice ?? 0),
    revisions: r.revisions.map((v) => ({
      revision: v.revision,
      plan: v.plan,
      progress: v.progress,
      creditGrantedFen: v.creditGrantedFen.toString(),
      activities: activitiesOf(v.activities),
      late: v.late,
      filedAt: v.filedAt,
      filedByName: users.get(v.filedById) ?? "—",
    })),
    reviews: r.reviews.map((v) => ({
      revision: v.revision,
      decision: v.decision,
      reason: v.reason,
      reviewedAt: v.reviewedAt,
      reviewerName: users.get(v.reviewerId) ?? "—",
    })),
  };
}
