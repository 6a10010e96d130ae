import { headers } from "next/headers";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { authSecret, isProduction } from "@/lib/server/env";

/**
 * The session id named by the request's Auth.js cookie, or null.
 *
 * Auth.js's `auth()` answers the same question but, for a JWT session, also re-encrypts
 * a fresh cookie and mints a CSRF token on every call, which a server component cannot
 * send anyway: two key derivations and two AES+HMAC passes per page view. Here the cookie
 * is read with Auth.js's own cookie name, chunking and decryption (getToken + decode), from
 * the Cookie header only, and a decrypted token is remembered by its exact text until its
 * expiry: the same text always decrypts to the same payload, so a repeat view costs a map
 * lookup. The cookie only names the Session row; current-user.ts still checks that row on
 * every request (revoked, idle, absolute lifetime, session version).
 */
export async function sessionIdFromCookie(): Promise<string | null> {
  const cookie = (await headers()).get("cookie");
  if (!cookie) return null;
  const token = await getToken({
    req: { headers: { cookie } },
    secret: authSecret(),
    secureCookie: isProduction(),
    decode: decodeRemembered,
  });
  return typeof token?.sid === "string" ? token.sid : null;
}

// Bounded: a token is only ever added after it decrypted with our secret, and the oldest
// entries go first when the map is full.
const REMEMBERED_MAX = 2000;
const remembered = new Map<string, JWT>();

function live(payload: JWT, nowSeconds: number): boolean {
  return typeof payload.exp === "number" && payload.exp > nowSeconds;
}

export async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  const { token } = params;
  if (!token) return null;
  const nowSeconds = Date.now() / 1000;
  const hit = remembered.get(token);
  if (hit) {
    if (live(hit, nowSeconds)) return hit;
    remembered.delete(token);
    return null;
  }
  const payload = await decode(params);
  if (!payload || !live(payload, nowSeconds)) return null;
  if (remembered.size >= REMEMBERED_MAX) remembered.delete(remembered.keys().next().value!);
  remembered.set(token, Object.freeze(payload));
  return payload;
}
