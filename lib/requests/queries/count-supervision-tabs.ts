/**
 * How many items each tab of the supervision queue holds: the tabs' labels on the queue
 * and the finance office's dashboard. Exact counts (the dashboard reports them as
 * figures), from the read models. Zero everywhere for anyone who may not see the queue.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { readSupervisionCounts } from "@/lib/read-models/queries/read-supervision-counts";
import { shanghaiQuarter } from "../quarter";
import { maySeeSupervisionQueue, type TSupervisionTab } from "@/lib/requests/supervision-tabs";

export async function countSupervisionTabs(db: PrismaClient, user: TActorSource, now: Date): Promise<Record<TSupervisionTab, number>> {
  const actor = actorOf(user);
  const counts = { supervision: 0, disputes: 0, withdrawals: 0, bulletin: 0 };
  if (!maySeeSupervisionQueue(actor)) return counts;
  // Both offices read every submitted item, and every tab holds submitted items only, so
  // the city-wide read models are exactly their scope.
  return readSupervisionCounts(db, now, shanghaiQuarter(now));
}
