import type { Prisma } from "@/lib/generated/prisma/client";
import { SIGN_IN_THROTTLE, addressKey, windowEnd, windowStart } from "@/lib/auth/sign-in-throttle";

type TDb = Pick<Prisma.TransactionClient, "attemptCounter">;

/**
 * When `ip` may try to sign in again, or null if it may now. Reads the counters without
 * counting (reserveSignInAttempt is what enforces): the sign-in endpoint uses it to say
 * when to retry.
 */
export async function readSignInRetryAt(db: TDb, ip: string | null, now: Date): Promise<Date | null> {
  const { perAddress, global } = SIGN_IN_THROTTLE;
  const addressStart = windowStart(now, perAddress.windowMinutes);
  const portalStart = windowStart(now, global.windowMinutes);
  const rows = await db.attemptCounter.findMany({
    where: {
      OR: [
        { scope: perAddress.scope, key: addressKey(ip), windowStart: addressStart },
        { scope: global.scope, key: "", windowStart: portalStart },
      ],
    },
    select: { scope: true, count: true },
  });
  const over = (scope: string, limit: number) => rows.some((r) => r.scope === scope && r.count >= limit);
  if (over(perAddress.scope, perAddress.limit)) return windowEnd(addressStart, perAddress.windowMinutes);
  if (over(global.scope, global.limit)) return windowEnd(portalStart, global.windowMinutes);
  return null;
}
