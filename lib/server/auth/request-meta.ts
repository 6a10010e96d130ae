import { headers } from "next/headers";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";

// The client address as the reverse proxy reports it (the first X-Forwarded-For hop).
export function metaFromHeaders(h: Headers): TRequestMeta {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || null, userAgent: h.get("user-agent") };
}

export async function requestMeta(): Promise<TRequestMeta> {
  return metaFromHeaders(await headers());
}
