import { BlockList, isIP } from "node:net";
import type { IncomingHttpHeaders } from "node:http";
import { trustedProxiesSpec } from "./env";

/**
 * The client's address, which the audit log records and the per-address limits count.
 *
 * X-Forwarded-For is written by whoever sends the request, and Next.js only fills it in
 * when the client sent none, so it cannot be believed by itself. The portal's server
 * entry (scripts/server.ts) therefore stamps PEER_ADDRESS_HEADER with the TCP peer's
 * address on every request, after removing any copy the client sent. That peer is the
 * client, unless it is one of TRUSTED_PROXIES: then the X-Forwarded-For hops are read
 * from the right, and the first hop that is not a trusted proxy is the client (hops
 * further left were written by the client itself and prove nothing).
 */
export const PEER_ADDRESS_HEADER = "x-rongqiao-peer-address";

/** "::ffff:1.2.3.4" (an IPv4 client on a dual-stack socket) as "1.2.3.4"; null if not an IP. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let address = raw?.trim() ?? "";
  if (address.startsWith("[") && address.endsWith("]")) address = address.slice(1, -1);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return isIP(address) ? address.toLowerCase() : null;
}

/** TRUSTED_PROXIES: comma-separated addresses and CIDR blocks (IPv4 or IPv6). Throws on a bad entry. */
export function parseTrustedProxies(spec: string): BlockList {
  const list = new BlockList();
  for (const entry of spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [host, bits, extra] = entry.split("/");
    const address = normalizeAddress(host);
    const family = address && isIP(address) === 6 ? "ipv6" : "ipv4";
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxPrefix = family === "ipv6" ? 128 : 32;
    if (!address || extra !== undefined || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxPrefix))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR block`);
    }
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, prefix, family);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client address from the stamped peer address and X-Forwarded-For. Null when the
 * request did not come through the server entry (no stamp): then nothing about the
 * sender is known, and limits count it in one shared "unknown" bucket.
 */
export function resolveClientAddress(peer: string | null, forwardedFor: string | null, trusted: BlockList): string | null {
  const socket = normalizeAddress(peer);
  if (!socket || !isTrusted(trusted, socket)) return socket;
  let client = socket;
  const hops = (forwardedFor ?? "").split(",").map((h) => h.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    // A malformed hop was written by the client side: the last trusted hop is all we know.
    if (!hop) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}

let trustedProxies: BlockList | undefined;

/** TRUSTED_PROXIES, parsed once per process (the server entry parses it at start, so a typo stops the start). */
export function trustedProxyList(): BlockList {
  trustedProxies ??= parseTrustedProxies(trustedProxiesSpec());
  return trustedProxies;
}

/** The one answer to "who sent this request?" for the audit log and the limits. */
export function clientAddress(headers: Pick<Headers, "get">): string | null {
  return resolveClientAddress(headers.get(PEER_ADDRESS_HEADER), headers.get("x-forwarded-for"), trustedProxyList());
}

/**
 * The X-Forwarded-* headers that say how the client reached the portal: HTTPS or not
 * (HSTS), and which host it asked for (the same-origin checks of routes and server
 * actions). A client can write them as it likes, so they are believed only from a
 * trusted proxy, which must set them itself.
 */
export const FORWARDED_REQUEST_HEADERS = ["x-forwarded-proto", "x-forwarded-host", "x-forwarded-port"] as const;

/**
 * Called by the server entry on every request before Next.js sees it: any incoming
 * copy of the peer header is dropped (a client must not vouch for its own address) and
 * the socket's address is written instead; X-Forwarded-Proto/-Host/-Port are dropped
 * unless the socket's peer is a trusted proxy (Next.js then fills them from the socket).
 */
export function stampPeerAddress(
  req: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string | undefined } },
  trusted: BlockList = trustedProxyList(),
): void {
  delete req.headers[PEER_ADDRESS_HEADER];
  const peer = normalizeAddress(req.socket.remoteAddress);
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
  if (!peer || !isTrusted(trusted, peer)) for (const name of FORWARDED_REQUEST_HEADERS) delete req.headers[name];
}
