import type { Prisma } from "@/lib/generated/prisma/client";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * A bank and its branches (ids), the bank first. Like lib/auth's bankWithDescendants but
 * usable inside a transaction: a submission's items are those of the bank's whole subtree.
 */
export async function bankSubtree(db: TDb, bankOrgId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT id FROM "Organization" WHERE id = ${bankOrgId}::uuid AND kind = 'BANK'
      UNION ALL
      SELECT o.id FROM "Organization" o JOIN tree t ON o."parentId" = t.id WHERE o.kind = 'BANK'
    )
    SELECT id::text FROM tree`;
  return rows.map((r) => r.id);
}
