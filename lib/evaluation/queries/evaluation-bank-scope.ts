import type { PrismaClient } from "@/lib/generated/prisma/client";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor, type TActor } from "@/lib/auth/permissions";

/**
 * Which evaluated banks' rows the actor may see: every bank for the finance office and the
 * central bank branch ("all"); for a bank user the banks of its own line — its
 * organization, the banks above it (a sub-branch belongs to the branch that is evaluated
 * and carries out its rectification) and its branches; nothing for anyone else. Banks see
 * finalised evaluations only (decided by the queries that use this).
 */
export async function evaluationBankScope(db: Pick<PrismaClient, "$queryRaw">, actor: TActor): Promise<"all" | string[]> {
  if (!canActor(actor, "evaluations.read")) return [];
  const area = areaOfRole(actor.role);
  if (area === "finance" || area === "pbc") return "all";
  if (area !== "bank") return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE up AS (
      SELECT id, "parentId" FROM "Organization" WHERE id = ${actor.orgId}::uuid AND kind = 'BANK'
      UNION ALL
      SELECT o.id, o."parentId" FROM "Organization" o JOIN up ON o.id = up."parentId" WHERE o.kind = 'BANK'
    ), down AS (
      SELECT id FROM "Organization" WHERE id = ${actor.orgId}::uuid AND kind = 'BANK'
      UNION ALL
      SELECT o.id FROM "Organization" o JOIN down d ON o."parentId" = d.id WHERE o.kind = 'BANK'
    )
    SELECT id::text FROM up UNION SELECT id::text FROM down`;
  return rows.map((r) => r.id);
}
