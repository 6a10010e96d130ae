/**
 * Response headers every page and route carries. The portal is never shown inside another
 * site's frame (clickjacking of the sign-in and step forms), the browser does not guess
 * content types of downloads, links to other sites carry only the origin, and the page may
 * not use camera, microphone, location or payment. HSTS is sent only on a request that
 * arrived over HTTPS (X-Forwarded-Proto from the TLS proxy), so a plain-HTTP intranet
 * install is not locked out. next.config.ts sends the fixed headers; the server entry
 * (lib/server/page-policy.ts) sends the Content-Security-Policy, which holds a fresh nonce
 * per request.
 */
export type THeader = { key: string; value: string };

/**
 * The page policy. Scripts run only with this response's nonce (Next puts it on its own
 * scripts, read from the request's copy of this header) or when loaded by such a script
 * ('strict-dynamic': the router's chunks); an injected <script> or inline handler does
 * not run. Style sheets: the portal's own files, and a <style> element only with the nonce
 * (the portal renders none; the charts' SVG comes without one), so injected markup cannot
 * add CSS rules (attribute selectors can leak values). Style *attributes* stay
 * allowed ('unsafe-inline' in style-src-attr): the charts' SVG text and three React style
 * props carry them, and a nonce cannot cover an attribute (docs/security.md lists them).
 * style-src is the fallback of browsers without the two Level 3 directives.
 * No upgrade-insecure-requests: a plain-HTTP intranet install has nothing to upgrade to.
 * `allowEval` is for `next dev` only (React rebuilds server error stacks with eval, and
 * the dev server injects <style> elements without the nonce).
 */
export function contentSecurityPolicy(nonce: string, options: { allowEval?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.allowEval ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `style-src-elem 'self' ${options.allowEval ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable and new for every response. */
export function newCspNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * For what has no page policy (/api routes, static files): no scripts there to allow,
 * so the policy restricts framing, forms, plugins and the base URL only.
 */
export const BASELINE_CONTENT_SECURITY_POLICY = "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

export const SECURITY_HEADERS: readonly THeader[] = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

export const HSTS_HEADER: THeader = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" };
