import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./env";

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

// One client per server process; Next's dev server reloads modules, so keep it on
// globalThis to avoid a new pool on every edit.
const globalForDb = globalThis as unknown as { rongqiaoDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.rongqiaoDb ??= createPrismaClient(databaseUrl());
  return globalForDb.rongqiaoDb;
}
