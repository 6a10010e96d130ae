/**
 * Response headers every page and route carries (next.config.ts). The portal is never
 * shown inside another site's frame (clickjacking of the sign-in and step forms), the
 * browser does not guess content types of downloads, links to other sites carry only the
 * origin, and the page may not use camera, microphone, location or payment. HSTS is sent
 * only on a request that arrived over HTTPS (X-Forwarded-Proto from the TLS proxy), so a
 * plain-HTTP intranet install is not locked out.
 *
 * The Content-Security-Policy here restricts framing, forms, plugins and the base URL;
 * limiting scripts to per-request nonces is not part of it yet.
 */
export type THeader = { key: string; value: string };

export const CONTENT_SECURITY_POLICY = "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

export const SECURITY_HEADERS: readonly THeader[] = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

export const HSTS_HEADER: THeader = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" };
