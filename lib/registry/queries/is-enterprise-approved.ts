import type { Prisma } from "@/lib/generated/prisma/client";
import { RegistrationStatus } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";

type TDb = Pick<Prisma.TransactionClient, "enterprise">;

/**
 * Whether the enterprise organization `orgId` has been approved by its park's window.
 * A self-registered enterprise can sign in at once but may not submit requests until
 * this is true (the requests feature checks it, inside its own transaction if it passes
 * one). Unknown ids, non-enterprise organizations, pending and rejected ones: false.
 */
export async function isEnterpriseApproved(db: TDb, orgId: string): Promise<boolean> {
  if (!isUuid(orgId)) return false;
  const enterprise = await db.enterprise.findUnique({ where: { orgId }, select: { registrationStatus: true } });
  return enterprise?.registrationStatus === RegistrationStatus.APPROVED;
}
