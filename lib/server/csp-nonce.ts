import { headers } from "next/headers";
import { nonceOfPolicy } from "../security-headers";

/**
 * This response's Content-Security-Policy nonce, read from the request's copy of the policy
 * that the server entry sets (page-policy.ts; Next reads its scripts' nonce the same way);
 * undefined where no page policy was set.
 */
export async function requestCspNonce(): Promise<string | undefined> {
  return nonceOfPolicy((await headers()).get("content-security-policy"));
}
