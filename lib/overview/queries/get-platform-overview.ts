import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { countApprovedEnterprises } from "@/lib/read-models/queries/count-enterprises";
import { countRequestsByStatus } from "@/lib/read-models/queries/count-requests-by-status";

export type TPlatformOverview = {
  program: { name: string; year: number; docNumber: string } | null;
  parks: number;
  banks: number;
  enterprises: number;
  openRequests: number;
};

const OPEN_STATUSES: RequestStatus[] = [
  RequestStatus.SUBMITTED,
  RequestStatus.FORWARDED,
  RequestStatus.SIGNED,
  RequestStatus.ANSWERED,
  RequestStatus.ESCALATED,
];

// City-wide headline numbers. They are public program statistics (no tenant data), so
// they need no organization scope; role-specific figures come with the dashboards.
export async function getPlatformOverview(db: PrismaClient): Promise<TPlatformOverview> {
  const [program, parks, banks, enterprises, openRequests] = await Promise.all([
    db.program.findFirst({
      where: { active: true },
      orderBy: { year: "desc" },
      select: { name: true, year: true, docNumber: true },
    }),
    db.organization.count({ where: { kind: OrgKind.PARK, active: true } }),
    db.organization.count({ where: { kind: OrgKind.BANK, active: true, parentId: null } }),
    // Both counts from the read models: a sign-in page view must not count every row.
    countApprovedEnterprises(db),
    countRequestsByStatus(db),
  ]);
  return {
    program,
    parks,
    banks,
    enterprises,
    openRequests: openRequests.filter((t) => OPEN_STATUSES.includes(t.status)).reduce((sum, t) => sum + t.count, 0),
  };
}
