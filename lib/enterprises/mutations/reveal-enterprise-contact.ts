import type { PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { canActor } from "@/lib/auth/permissions";
import { enterpriseScope } from "@/lib/auth/scopes";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { AppError } from "@/lib/errors";

/**
 * Shows an enterprise contact's mobile number in full: needs pii.reveal and an
 * enterprise in the actor's scope (else "notFound"); every showing is audited.
 */
export async function revealEnterpriseContact(
  db: PrismaClient,
  user: TActorSource,
  enterpriseId: string,
  meta: TRequestMeta,
): Promise<{ mobile: string | null }> {
  if (!canActor(actorOf(user), "pii.reveal")) throw new AppError("notFound");
  const where = enterpriseScope(actorOf(user), await loadScopeContext(db, user));
  const e = await db.enterprise.findFirst({ where: { AND: [{ id: enterpriseId }, where] }, select: { id: true, contactMobile: true } });
  if (!e) throw new AppError("notFound");
  await writeAudit(db, {
    action: "pii.revealed",
    actorUserId: user.userId,
    actorOrgId: user.orgId,
    targetType: "Enterprise",
    targetId: e.id,
    details: { field: "contactMobile" },
    ...meta,
  });
  return { mobile: e.contactMobile };
}
