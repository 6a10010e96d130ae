import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The reserved domain of the demo accounts' addresses: what marks a row as demo data. Here
 * rather than in the seed, so the sign-in page does not load the seed's generators for it.
 */
export const DEMO_EMAIL_DOMAIN = "demo.rongqiao.invalid";

export const DEMO_ACCOUNTS = ["finance.admin", "pbc.staff", "bank.liaison", "park.window", "enterprise.owner"] as const;

export type TDemoAccount = { account: string; role: Role; name: string; orgName: string };

/**
 * The seeded demo accounts, if this database holds the demo data: an account of the same
 * name that the seed did not write (no address on the demo domain) is not listed.
 */
export async function listDemoAccounts(db: PrismaClient): Promise<TDemoAccount[]> {
  const users = await db.user.findMany({
    where: { account: { in: [...DEMO_ACCOUNTS] }, active: true, email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } },
    select: { account: true, role: true, name: true, org: { select: { name: true } } },
  });
  const order = (a: string) => DEMO_ACCOUNTS.indexOf(a as (typeof DEMO_ACCOUNTS)[number]);
  return users
    .sort((a, b) => order(a.account) - order(b.account))
    .map((u) => ({ account: u.account, role: u.role, name: u.name, orgName: u.org.name }));
}
