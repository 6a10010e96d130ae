import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { EnterpriseSize, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { enterpriseScope } from "@/lib/auth/scopes";
import { maskMobile } from "@/lib/privacy/mask";

type TDb = Pick<Prisma.TransactionClient, "park">;

export type TPendingRegistration = {
  enterpriseId: string;
  name: string;
  uscc: string;
  industrySection: string;
  size: EnterpriseSize;
  contactName: string | null;
  /** Masked ("138****5678"): the full number needs pii.reveal. */
  contactMobileMasked: string | null;
  ownerAccount: string | null;
  submittedAt: Date;
};

/**
 * The park the actor works for (Park.orgId = the actor's organization), or null: only a
 * park window holding "registrations.review" has one here.
 */
export async function reviewerParkId(db: TDb, actor: TActor): Promise<string | null> {
  if (!canActor(actor, "registrations.review")) return null;
  const park = await db.park.findUnique({ where: { orgId: actor.orgId }, select: { id: true } });
  return park?.id ?? null;
}

/** Self-registrations of the actor's own park still waiting for review, oldest first. */
export async function listPendingRegistrations(db: PrismaClient, actor: TActor): Promise<TPendingRegistration[]> {
  const parkId = await reviewerParkId(db, actor);
  if (!parkId) return [];
  const rows = await db.enterprise.findMany({
    where: { AND: [enterpriseScope(actor, { parkId }), { parkId, registrationStatus: RegistrationStatus.PENDING }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      uscc: true,
      industrySection: true,
      size: true,
      contactName: true,
      contactMobile: true,
      createdAt: true,
      org: {
        select: { users: { where: { role: "ENTERPRISE_OWNER" }, select: { account: true }, orderBy: { createdAt: "asc" }, take: 1 } },
      },
    },
  });
  return rows.map((e) => ({
    enterpriseId: e.id,
    name: e.name,
    uscc: e.uscc,
    industrySection: e.industrySection,
    size: e.size,
    contactName: e.contactName,
    contactMobileMasked: maskMobile(e.contactMobile),
    ownerAccount: e.org.users[0]?.account ?? null,
    submittedAt: e.createdAt,
  }));
}
