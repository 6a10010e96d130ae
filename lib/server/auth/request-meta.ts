import { headers } from "next/headers";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { clientAddress } from "../client-address";

// The client address comes from the socket (or a trusted proxy's hop): see client-address.ts.
export function metaFromHeaders(h: Headers): TRequestMeta {
  return { ip: clientAddress(h), userAgent: h.get("user-agent") };
}

export async function requestMeta(): Promise<TRequestMeta> {
  return metaFromHeaders(await headers());
}
