import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./env";
import { createStatementNamer } from "./statement-names";

// Prepared statements stay on each connection (statement-names.ts): a few hundred texts at
// most, and none that spell out a long list of values.
const PREPARED_STATEMENTS = { maxNames: 400, maxParameters: 32 };

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString }, { statementNameGenerator: createStatementNamer(PREPARED_STATEMENTS) }),
  });
}

// One client per server process; Next's dev server reloads modules, so keep it on
// globalThis to avoid a new pool on every edit.
const globalForDb = globalThis as unknown as { rongqiaoDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.rongqiaoDb ??= createPrismaClient(databaseUrl());
  return globalForDb.rongqiaoDb;
}
