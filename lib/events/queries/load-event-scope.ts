/**
 * The events the actor may see as a where clause (eventScope), with the enterprise's park
 * read for an enterprise user (its scope context holds the enterprise, not the park).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { eventScope } from "@/lib/events/rules";

export async function loadEventScope(db: PrismaClient, actor: TActorSource): Promise<Prisma.MatchEventWhereInput> {
  const ctx = await loadScopeContext(db, actor);
  let parkId: string | null = null;
  if (actor.orgKind === OrgKind.ENTERPRISE && ctx.enterpriseId) {
    const enterprise = await db.enterprise.findUnique({ where: { id: ctx.enterpriseId }, select: { parkId: true } });
    parkId = enterprise?.parkId ?? null;
  }
  return eventScope(actorOf(actor), ctx, parkId);
}
