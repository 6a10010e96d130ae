import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { RESET_THROTTLE } from "@/lib/auth/password-reset";
import { addressKey, windowEnd, windowStart } from "@/lib/auth/sign-in-throttle";
import { bumpAttemptCounter } from "./bump-attempt-counter";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw">;

export type TResetReservation = { ok: true } | { ok: false; retryAt: Date };

/**
 * Counts one request for a reset link from `ip` for `login`, before the account is looked
 * up (so a refusal says nothing about it): one atomic upsert per bucket, shared by every
 * app server. The login's bucket is keyed by its SHA-256: a mobile number typed as the
 * login is personal data and stays out of the counter table.
 */
export async function reserveResetRequest(db: TDb, ip: string | null, login: string, now: Date): Promise<TResetReservation> {
  const { perAddress, perLogin } = RESET_THROTTLE;
  const addressStart = windowStart(now, perAddress.windowMinutes);
  if ((await bumpAttemptCounter(db, perAddress.scope, addressKey(ip), addressStart)) > perAddress.limit) {
    return { ok: false, retryAt: windowEnd(addressStart, perAddress.windowMinutes) };
  }
  const loginKey = createHash("sha256").update(login.trim().toLowerCase(), "utf8").digest("hex");
  const loginStart = windowStart(now, perLogin.windowMinutes);
  if ((await bumpAttemptCounter(db, perLogin.scope, loginKey, loginStart)) > perLogin.limit) {
    return { ok: false, retryAt: windowEnd(loginStart, perLogin.windowMinutes) };
  }
  return { ok: true };
}
