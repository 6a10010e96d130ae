import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The first active user matching `where` (by account) as a signed-in session, for tests
 * that call server actions with the session check mocked; null when none matches.
 */
export async function sessionUserOf(prisma: PrismaClient, where: Prisma.UserWhereInput): Promise<TSessionUser | null> {
  const u = await prisma.user.findFirst({
    where: { active: true, ...where },
    orderBy: { account: "asc" },
    select: { id: true, account: true, name: true, role: true, orgId: true, org: { select: { kind: true, name: true } } },
  });
  if (!u) return null;
  return {
    sessionId: crypto.randomUUID(),
    userId: u.id,
    account: u.account,
    name: u.name,
    role: u.role,
    orgId: u.orgId,
    orgKind: u.org.kind,
    orgName: u.org.name,
    mustChangePassword: false,
    needsTotpEnrolment: false,
    totpEnabled: false,
  };
}
