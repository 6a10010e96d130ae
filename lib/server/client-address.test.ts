import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, normalizeAddress, parseTrustedProxies, resolveClientAddress, stampPeerAddress } from "./client-address";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies(" 10.0.0.5, 172.16.0.0/12 ,fd00::/8");

describe("client address", () => {
  it("is the socket peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("127.0.0.1", "198.51.100.1", none)).toBe("127.0.0.1");
    expect(resolveClientAddress("::ffff:192.0.2.4", "198.51.100.1, 10.0.0.5", none)).toBe("192.0.2.4");
  });

  it("is unknown (null) without a stamped peer, even with X-Forwarded-For", () => {
    expect(resolveClientAddress(null, "198.51.100.1", proxies)).toBeNull();
    expect(resolveClientAddress("not-an-ip", null, proxies)).toBeNull();
  });

  it("behind trusted proxies is the rightmost hop that is not one of them", () => {
    expect(resolveClientAddress("10.0.0.5", "198.51.100.1", proxies)).toBe("198.51.100.1");
    // The client prepended a forged hop: the proxy's own hop (the real client) wins.
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6, 198.51.100.1, 172.20.1.1", proxies)).toBe("198.51.100.1");
    expect(resolveClientAddress("fd00::1", "2001:db8::7", proxies)).toBe("2001:db8::7");
  });

  it("behind trusted proxies falls back to the last trusted hop when the header is missing or malformed", () => {
    expect(resolveClientAddress("10.0.0.5", null, proxies)).toBe("10.0.0.5");
    expect(resolveClientAddress("10.0.0.5", "garbage, 172.20.1.1", proxies)).toBe("172.20.1.1");
    expect(resolveClientAddress("10.0.0.5", "10.0.0.5", proxies)).toBe("10.0.0.5");
  });

  it("an untrusted peer's X-Forwarded-For is ignored even when it names a trusted proxy", () => {
    expect(resolveClientAddress("192.0.2.9", "10.0.0.5", proxies)).toBe("192.0.2.9");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or CIDR block", () => {
    for (const bad of ["10.0.0.300", "10.0.0.0/33", "proxy.local", "10.0.0.0/8/1", "fd00::/129"]) {
      expect(() => parseTrustedProxies(bad)).toThrow(/TRUSTED_PROXIES/);
    }
  });

  it("normalizes IPv4-mapped and bracketed addresses", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("[::1]")).toBe("::1");
    expect(normalizeAddress("1.2.3.4:80")).toBeNull();
  });

  it("stamping drops the client's copy of the header and writes the socket's address", () => {
    const req = { headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6" } as Record<string, string>, socket: { remoteAddress: "::ffff:192.0.2.4" } };
    stampPeerAddress(req);
    expect(req.headers[PEER_ADDRESS_HEADER]).toBe("192.0.2.4");
    const noPeer = { headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6" } as Record<string, string>, socket: {} };
    stampPeerAddress(noPeer);
    expect(noPeer.headers[PEER_ADDRESS_HEADER]).toBeUndefined();
  });

  it("drops a forged X-Forwarded-Proto/-Host/-Port unless the socket's peer is a trusted proxy", () => {
    const forged = () => ({
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.example",
      "x-forwarded-port": "443",
      host: "portal.local",
    });
    const trusted = parseTrustedProxies("10.0.0.0/8");
    const direct = { headers: forged() as Record<string, string>, socket: { remoteAddress: "203.0.113.9" } };
    stampPeerAddress(direct, trusted);
    expect(direct.headers).toEqual({ host: "portal.local", [PEER_ADDRESS_HEADER]: "203.0.113.9" });
    const noPeer = { headers: forged() as Record<string, string>, socket: {} };
    stampPeerAddress(noPeer, trusted);
    expect(noPeer.headers).toEqual({ host: "portal.local" });
    const viaProxy = { headers: forged() as Record<string, string>, socket: { remoteAddress: "10.1.2.3" } };
    stampPeerAddress(viaProxy, trusted);
    expect(viaProxy.headers).toEqual({ ...forged(), [PEER_ADDRESS_HEADER]: "10.1.2.3" });
    // Unset TRUSTED_PROXIES trusts nobody, loopback included.
    const local = { headers: forged() as Record<string, string>, socket: { remoteAddress: "127.0.0.1" } };
    stampPeerAddress(local, parseTrustedProxies(""));
    expect(local.headers["x-forwarded-proto"]).toBeUndefined();
  });
});
