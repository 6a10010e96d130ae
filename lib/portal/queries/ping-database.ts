import type { PrismaClient } from "@/lib/generated/prisma/client";

/** One round trip to the database (the health check): throws when it is unreachable. */
export async function pingDatabase(db: Pick<PrismaClient, "$queryRaw">): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
