import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { EnterpriseSize, RegistrationStatus, SupportClass } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { enterpriseScope } from "@/lib/auth/scopes";
import { maskMobile } from "@/lib/privacy/mask";

export type TEnterpriseDetail = {
  id: string;
  uscc: string;
  name: string;
  parkName: string;
  industrySection: string;
  size: EnterpriseSize;
  tags: string[];
  supportClass: SupportClass | null;
  registrationStatus: RegistrationStatus;
  contactName: string | null;
  contactMobileMasked: string | null;
};

/** An enterprise as the actor may see it (scoped in the query; otherwise null). Personal data masked. */
export async function getEnterpriseDetail(db: PrismaClient, user: TActorSource, enterpriseId: string): Promise<TEnterpriseDetail | null> {
  const where = enterpriseScope(actorOf(user), await loadScopeContext(db, user));
  const e = await db.enterprise.findFirst({
    where: { AND: [{ id: enterpriseId }, where] },
    select: {
      id: true,
      uscc: true,
      name: true,
      industrySection: true,
      size: true,
      tags: true,
      supportClass: true,
      registrationStatus: true,
      contactName: true,
      contactMobile: true,
      park: { select: { org: { select: { name: true } } } },
    },
  });
  if (!e) return null;
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    parkName: e.park.org.name,
    industrySection: e.industrySection,
    size: e.size,
    tags: e.tags,
    supportClass: e.supportClass,
    registrationStatus: e.registrationStatus,
    contactName: e.contactName,
    contactMobileMasked: maskMobile(e.contactMobile),
  };
}
