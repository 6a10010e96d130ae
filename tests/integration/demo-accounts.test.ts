/**
 * The sign-in page's demo panel lists the demo accounts only when the database holds the
 * seeded demo data: an account that merely has a demo account's name is not listed.
 * (Whether the panel is shown at all is DEMO_MODE: lib/server/env.test.ts and
 * tests/e2e/password-reset.spec.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listDemoAccounts } from "@/lib/accounts/queries/list-demo-accounts";
import { DEMO_EMAIL_DOMAIN } from "@/lib/seed/credentials";
import { createUser, testPrisma } from "@/tests/factories/users";

describe("listDemoAccounts", () => {
  let prisma: PrismaClient;
  beforeAll(() => {
    prisma = testPrisma();
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  it("lists a demo login only when the seed wrote it (its address is on the demo domain)", async () => {
    const user = await createUser(prisma, { role: "CENTRAL_BANK_STAFF", orgKind: "CENTRAL_BANK" });
    try {
      await prisma.user.update({ where: { id: user.id }, data: { account: "pbc.staff", email: "pbc.staff@pbc.example.gov.cn" } });
      expect(await listDemoAccounts(prisma)).toEqual([]);
      await prisma.user.update({ where: { id: user.id }, data: { email: `pbc.staff@${DEMO_EMAIL_DOMAIN}` } });
      expect(await listDemoAccounts(prisma)).toEqual([expect.objectContaining({ account: "pbc.staff", role: "CENTRAL_BANK_STAFF" })]);
    } finally {
      await prisma.user.delete({ where: { id: user.id } });
      await prisma.organization.delete({ where: { id: user.orgId } });
    }
  });
});
