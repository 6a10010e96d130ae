import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemoRanking } from "./seed-demo-data";
import { seedDemoSummons } from "./seed-demo-summons";
import { seedDemoKeyLists } from "./seed-demo-key-lists";
import { seedDemoEvents } from "./seed-demo-events";
import { seedDemoPlans } from "./seed-demo-plans";
import { seedDemoAnnualRules } from "./seed-demo-annual-rules";

/**
 * The demo's scenarios written on top of seedDemoData's base rows, in the order they build
 * on each other (the annual rules before the ranking that reads them). The demo servers'
 * first start and `npm run db:seed` both call this one list, so the two demos never differ.
 */
export async function seedDemoScenarios(client: PrismaClient, referenceDate: string): Promise<void> {
  await seedDemoSummons(client, referenceDate);
  await seedDemoKeyLists(client, referenceDate);
  await seedDemoEvents(client, referenceDate);
  await seedDemoPlans(client, referenceDate);
  await seedDemoAnnualRules(client, referenceDate);
  await seedDemoRanking(client, referenceDate);
}
