import type { Prisma } from "@/lib/generated/prisma/client";
import { SIGN_IN_THROTTLE, addressKey, windowEnd, windowStart, type TThrottleRule } from "@/lib/auth/sign-in-throttle";
import { bumpAttemptCounter } from "./bump-attempt-counter";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

export type TSignInReservation = { ok: true; release: () => Promise<void> } | { ok: false; scope: TThrottleRule["scope"]; retryAt: Date };

type TSlot = { rule: TThrottleRule; key: string; start: Date };

async function unbump(db: TDb, slot: TSlot): Promise<void> {
  await db.$executeRaw`
    UPDATE "AttemptCounter" SET count = count - 1
     WHERE scope = ${slot.rule.scope} AND key = ${slot.key} AND "windowStart" = ${slot.start} AND count > 0`;
}

/**
 * Counts a sign-in attempt from `ip` before its password is checked: one atomic upsert
 * per bucket (the address's, then the portal's), so attempts running in parallel on any
 * app instance are counted one by one and none slips past a limit. Over a limit the
 * attempt is refused with the time its window ends; an address already over its own
 * limit does not touch the portal's count, so one address cannot stop everyone. The
 * caller calls release() when the attempt turns out not to be a failure (right
 * password): the counts are of failed attempts.
 */
export async function reserveSignInAttempt(db: TDb, ip: string | null, now: Date): Promise<TSignInReservation> {
  const { perAddress, global } = SIGN_IN_THROTTLE;
  const address: TSlot = { rule: perAddress, key: addressKey(ip), start: windowStart(now, perAddress.windowMinutes) };
  if ((await bumpAttemptCounter(db, address.rule.scope, address.key, address.start)) > perAddress.limit) {
    return { ok: false, scope: perAddress.scope, retryAt: windowEnd(address.start, perAddress.windowMinutes) };
  }
  const portal: TSlot = { rule: global, key: "", start: windowStart(now, global.windowMinutes) };
  if ((await bumpAttemptCounter(db, portal.rule.scope, portal.key, portal.start)) > global.limit) {
    await unbump(db, address); // refused before its password was tried: not this address's failure
    return { ok: false, scope: global.scope, retryAt: windowEnd(portal.start, global.windowMinutes) };
  }
  let released = false;
  return {
    ok: true,
    release: async () => {
      if (released) return;
      released = true;
      await unbump(db, address);
      await unbump(db, portal);
    },
  };
}
