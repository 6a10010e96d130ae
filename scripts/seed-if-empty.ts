/**
 * Seeds the demo data on first start (dev launcher, e2e server): a database that has any
 * organization is left alone, so a second `npm run dev` reuses what is there.
 */
import { createPrismaClient } from "@/lib/server/db";
import { isDatabaseSeeded, seedDemoData } from "@/prisma/seed/seed-demo-data";
import { seedDemoScenarios } from "@/prisma/seed/seed-demo-scenarios";

export async function seedIfEmpty(url: string): Promise<void> {
  const client = createPrismaClient(url);
  try {
    if (await isDatabaseSeeded(client)) {
      console.log("seed: the database already has data; reusing it");
      return;
    }
    const summary = await seedDemoData(client);
    await seedDemoScenarios(client, summary.options.referenceDate);
    console.log(
      `seed: demo data for ${summary.options.enterprises} enterprises written in ${(summary.elapsedMs / 1000).toFixed(1)}s ` +
        `(demo logins: ${summary.demoAccounts.map((a) => a.account).join(", ")})`,
    );
  } finally {
    await client.$disconnect();
  }
}
