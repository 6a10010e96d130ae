import { headers } from "next/headers";
import { nonceOfPolicy } from "../security-headers";

/**
 * This response's Content-Security-Policy nonce, read from the request's copy of the policy
 * that proxy.ts sets (as Next does for its scripts); undefined where the proxy did not run.
 */
export async function requestCspNonce(): Promise<string | undefined> {
  return nonceOfPolicy((await headers()).get("content-security-policy"));
}
