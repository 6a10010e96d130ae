import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export const DEMO_ACCOUNTS = ["finance.admin", "pbc.staff", "bank.liaison", "park.window", "enterprise.owner"] as const;

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
