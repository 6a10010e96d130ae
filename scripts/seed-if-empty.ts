/**
 * Seeds the demo data on first start (dev launcher, e2e server): a database that has any
 * organization is left alone, so a second `npm run dev` reuses what is there.
 */
import { createPrismaClient } from "@/lib/server/db";
import { isDatabaseSeeded, seedDemoData, seedDemoRanking } from "@/prisma/seed/seed-demo-data";
import { seedDemoSummons } from "@/prisma/seed/seed-demo-summons";
import { seedDemoKeyLists } from "@/prisma/seed/seed-demo-key-lists";
import { seedDemoEvents } from "@/prisma/seed/seed-demo-events";
import { seedDemoPlans } from "@/prisma/seed/seed-demo-plans";
import { seedDemoAnnualRules } from "@/prisma/seed/seed-demo-annual-rules";

export async function seedIfEmpty(url: string): Promise<void> {
  const client = createPrismaClient(url);
  try {
    if (await isDatabaseSeeded(client)) {
      console.log("seed: the database already has data; reusing it");
      return;
    }
    const summary = await seedDemoData(client);
    await seedDemoSummons(client, summary.options.referenceDate);
    await seedDemoKeyLists(client, summary.options.referenceDate);
    await seedDemoEvents(client, summary.options.referenceDate);
    await seedDemoPlans(client, summary.options.referenceDate);
    await seedDemoAnnualRules(client, summary.options.referenceDate);
    await seedDemoRanking(client, summary.options.referenceDate);
    console.log(
      `seed: demo data for ${summary.options.enterprises} enterprises written in ${(summary.elapsedMs / 1000).toFixed(1)}s ` +
        `(demo logins: ${summary.demoAccounts.map((a) => a.account).join(", ")})`,
    );
  } finally {
    await client.$disconnect();
  }
}
