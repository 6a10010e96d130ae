import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export type TActiveUser = { id: string; role: Role; name: string; orgName: string };

// Finds an active user of an active organization by account name or mobile number.
export async function findActiveUser(db: PrismaClient, login: string): Promise<TActiveUser | null> {
  const user = await db.user.findFirst({
    where: { active: true, org: { active: true }, OR: [{ account: login }, { mobile: login }] },
    select: { id: true, role: true, name: true, org: { select: { name: true } } },
  });
  return user && { id: user.id, role: user.role, name: user.name, orgName: user.org.name };
}

export const DEMO_ACCOUNTS = [
  "finance.admin",
  "pbc.staff",
  "bank.liaison",
  "park.window",
  "enterprise.owner",
] as const;

export type TDemoAccount = { account: string; role: Role; name: string; orgName: string };

export async function listDemoAccounts(db: PrismaClient): Promise<TDemoAccount[]> {
  const users = await db.user.findMany({
    where: { account: { in: [...DEMO_ACCOUNTS] }, active: true },
    select: { account: true, role: true, name: true, org: { select: { name: true } } },
  });
  const order = (a: string) => DEMO_ACCOUNTS.indexOf(a as (typeof DEMO_ACCOUNTS)[number]);
  return users
    .sort((a, b) => order(a.account) - order(b.account))
    .map((u) => ({ account: u.account, role: u.role, name: u.name, orgName: u.org.name }));
}
