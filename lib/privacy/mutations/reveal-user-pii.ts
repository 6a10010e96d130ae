import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { isNothing, userScope } from "@/lib/auth/scopes";
import { AppError } from "@/lib/errors";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { loadUserScopeContext } from "@/lib/accounts/queries/list-manageable-users";
import { isUuid } from "@/lib/ids";
import type { TPiiField } from "@/lib/accounts/schemas";

/**
 * The full mobile or ID number of ONE user the actor may see, for someone who must
 * phone or identify the person (pii.reveal). Every reveal is audited ("pii.revealed",
 * with the target and the field) in the same transaction; someone else's user, or an
 * unknown id, is "notFound".
 */
export async function revealUserPii(
  db: PrismaClient,
  actor: TActor,
  input: { userId: string; field: TPiiField },
  meta: TRequestMeta,
): Promise<{ value: string | null }> {
  if (!canActor(actor, "pii.reveal")) throw new AppError("forbidden");
  if (!isUuid(input.userId)) throw new AppError("notFound");
  return db.$transaction(async (tx) => {
    const scope = userScope(actor, await loadUserScopeContext(tx, actor), "read");
    if (isNothing(scope)) throw new AppError("notFound");
    const user = await tx.user.findFirst({
      where: { AND: [{ id: input.userId }, scope] },
      select: { id: true, orgId: true, mobile: true, idNumber: true },
    });
    if (!user) throw new AppError("notFound");
    const value = input.field === "mobile" ? user.mobile : user.idNumber;
    await writeAudit(tx, {
      action: "pii.revealed",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "User",
      targetId: user.id,
      ...meta,
      details: { field: input.field, orgId: user.orgId },
    });
    return { value };
  });
}
