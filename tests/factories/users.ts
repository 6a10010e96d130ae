/**
 * Users for integration tests, written straight into the run's shared (migrated,
 * unseeded) database. Every account name is unique, so test files never see each
 * other's rows.
 *
 *   const prisma = testPrisma();
 *   const user = await createUser(prisma, { role: "FINANCE_STAFF" });
 *   await authenticate(prisma, { login: user.account, password: user.password }, META, now);
 */
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { databaseUrl } from "@/tests/integration/harness";

/** A password the policy accepts (length, three classes, no account in it). */
export const GOOD_PASSWORD = "Qiao#Bridge2026";

export const TEST_META = { ip: "203.0.113.7", userAgent: "vitest" } as const;

/**
 * Request metadata from an address of its own (IPv6 documentation range). Failed
 * sign-ins are counted per address (lib/auth/sign-in-throttle.ts), so tests that fail
 * many sign-ins take a fresh address each instead of sharing TEST_META's.
 */
export function uniqueMeta(userAgent = "vitest"): { ip: string; userAgent: string } {
  return { ip: `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`, userAgent };
}

export function testPrisma(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl() }) });
}

export function uniqueTag(): string {
  return randomBytes(4).toString("hex");
}

export type TTestUser = { id: string; orgId: string; account: string; password: string };

export async function createUser(
  prisma: PrismaClient,
  options: { role?: Role; orgKind?: OrgKind; password?: string; active?: boolean; label?: string } = {},
): Promise<TTestUser> {
  const tag = uniqueTag();
  const password = options.password ?? GOOD_PASSWORD;
  const org = await prisma.organization.create({ data: { kind: options.orgKind ?? "FINANCE_OFFICE", name: `测试机构 ${tag}` } });
  const account = `${options.label ?? "t"}.${tag}`;
  const user = await prisma.user.create({
    data: {
      orgId: org.id,
      role: options.role ?? "ENTERPRISE_OWNER",
      account,
      name: `测试用户 ${tag}`,
      passwordHash: await hashPassword(password),
      active: options.active ?? true,
    },
    select: { id: true },
  });
  return { id: user.id, orgId: org.id, account, password };
}
