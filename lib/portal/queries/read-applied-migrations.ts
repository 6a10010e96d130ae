import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Names of the migrations recorded as finished (and not rolled back) in Prisma's own
 * table. An empty list when the table does not exist yet: nothing has been migrated.
 */
export async function readAppliedMigrations(db: Pick<PrismaClient, "$queryRaw">): Promise<string[]> {
  const [table] = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`;
  if (!table?.present) return [];
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT migration_name AS name FROM _prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return rows.map((r) => r.name);
}
