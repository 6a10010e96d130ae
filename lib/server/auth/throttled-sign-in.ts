import { minutesUntil } from "@/lib/auth/sign-in-throttle";
import { readSignInRetryAt } from "@/lib/auth/queries/read-sign-in-retry-at";
import { clientAddress } from "../client-address";
import { SERVICE_UNAVAILABLE_RETRY_SECONDS } from "../database-unavailable";
import { db } from "../db";
import { requestLocale, routeTranslator } from "../route";

/**
 * Auth.js answers every refused sign-in on its own endpoint with a redirect to the
 * sign-in page (the code in the URL). A refusal by the sign-in throttle is answered
 * instead as what it is: 429, Retry-After, and the sign-in form's message in the
 * caller's language; one for want of the database as 503 with Retry-After. Other answers pass through unchanged.
 */
export async function asThrottledSignIn(request: Request, response: Response): Promise<Response> {
  const location = response.headers.get("location");
  const code = location ? new URL(location, request.url).searchParams.get("code") : null;
  if (code === "unavailable") {
    const t = await routeTranslator(requestLocale(request), "signIn");
    return new Response(t("errors.unavailable"), {
      status: 503,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": String(SERVICE_UNAVAILABLE_RETRY_SECONDS),
      },
    });
  }
  if (code !== "rateLimited") return response;
  const now = new Date();
  const retryAt = (await readSignInRetryAt(db(), clientAddress(request.headers), now)) ?? new Date(now.getTime() + 60_000);
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  const t = await routeTranslator(requestLocale(request), "signIn");
  return new Response(t("errors.rateLimited", { minutes: minutesUntil(retryAt, now) }), {
    status: 429,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(seconds) },
  });
}
