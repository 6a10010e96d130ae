/**
 * The set-up the read-model tests share: a database of their own (created, migrated,
 * seeded with the demo data for 2026-11-27) and the 2026 program.
 *
 *   const db = await openSeededDatabase("read_models");
 *   ... db.prisma, db.programId ...
 *   await db.close();   // disconnects and drops the database
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { createFreshDatabase, type FreshDatabase } from "./harness";

export const SEED_REFERENCE_DATE = "2026-11-27";

export type TSeededDatabase = {
  fresh: FreshDatabase;
  prisma: PrismaClient;
  programId: string;
  /** Disconnects the client and drops the database. */
  close(): Promise<void>;
};

export async function openSeededDatabase(label: string, options: { enterprises?: number } = {}): Promise<TSeededDatabase> {
  const fresh = await createFreshDatabase(label);
  let prisma: PrismaClient | undefined;
  try {
    await migrate(fresh.url, { onLog: () => {} });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url }) });
    await seedDemoData(prisma, {
      referenceDate: SEED_REFERENCE_DATE,
      ...(options.enterprises ? { enterprises: options.enterprises } : {}),
    });
    const programId = (await prisma.program.findFirstOrThrow({ where: { year: 2026 }, select: { id: true } })).id;
    const client = prisma;
    return {
      fresh,
      prisma: client,
      programId,
      async close() {
        await client.$disconnect();
        await fresh.drop();
      },
    };
  } catch (error) {
    await prisma?.$disconnect();
    await fresh.drop();
    throw error;
  }
}
