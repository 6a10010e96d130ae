import { z } from "zod";
import type { TMailConfig, TMailSettings } from "@/lib/notifications/mail/mail-settings";
import { LOG_LEVELS, type TLogLevel } from "@/lib/observability/log-levels";

// The one place that reads process.env for the app. Scripts under scripts/ resolve
// their own database URL (they may start the embedded server first).
const ZEnv = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  // Signs the session cookie. `npm run dev` and the test servers generate one; a
  // production deployment must set its own (openssl rand -base64 32).
  AUTH_SECRET: z.string().min(32, { message: "AUTH_SECRET must be set to at least 32 random characters" }),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
});

export type TEnv = z.infer<typeof ZEnv>;

const ZDatabaseEnv = ZEnv.pick({ DATABASE_URL: true });
let cachedDatabaseUrl: string | undefined;

export function databaseUrl(): string {
  cachedDatabaseUrl ??= ZDatabaseEnv.parse(process.env).DATABASE_URL;
  return cachedDatabaseUrl;
}

const ZAuthEnv = ZEnv.pick({ AUTH_SECRET: true });
let cachedAuthSecret: string | undefined;

// Read on every signed-in request (the session cookie): validated once, then kept.
export function authSecret(): string {
  cachedAuthSecret ??= ZAuthEnv.parse(process.env).AUTH_SECRET;
  return cachedAuthSecret;
}

// Browsers accept Secure cookies on http://localhost, so production builds under test
// need no exception here.
export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

// Reverse proxies whose X-Forwarded-For the portal believes (comma-separated addresses
// and CIDR blocks, e.g. "10.0.0.5,10.1.0.0/16"). Empty: the TCP peer is the client, and a
// client-sent X-Forwarded-For is ignored. lib/server/client-address.ts parses it.
export function trustedProxiesSpec(): string {
  return process.env.TRUSTED_PROXIES?.trim() ?? "";
}

// Where uploaded attachments are kept: outside the web root, under generated names.
// Default .data/attachments in the project (the same folder as the dev database).
export function attachmentsDir(): string {
  return process.env.ATTACHMENTS_DIR?.trim() || `${process.cwd()}/.data/attachments`;
}

// SMTP_URL (smtp://user:pass@host:587 or smtps://…) sends real e-mail; otherwise messages
// are written as .eml files to MAIL_DIR (default .data/mail) — or only logged when
// MAIL_TRANSPORT=log.
export function mailConfig(): TMailConfig {
  const from = process.env.MAIL_FROM?.trim() || "融桥 RongQiao <no-reply@rongqiao.local>";
  const smtp = process.env.SMTP_URL?.trim();
  if (smtp) return { transport: "smtp", url: smtp, from };
  if (process.env.MAIL_TRANSPORT === "log") return { transport: "log", from };
  return { transport: "file", dir: process.env.MAIL_DIR?.trim() || `${process.cwd()}/.data/mail`, from };
}

// The portal's public address (e.g. https://rongqiao.example.gov.cn), for links in
// e-mails. APP_URL, else AUTH_URL; without either, e-mails carry the path only.
export function publicBaseUrl(): string | null {
  const url = (process.env.APP_URL ?? process.env.AUTH_URL)?.trim();
  return url ? url.replace(/\/+$/, "") : null;
}

// Whether the Next.js server runs the job queue itself (every 60 s). Default yes; set
// JOBS_IN_PROCESS=false when a separate `npm run jobs` worker does it. Never during
// `next build` (NEXT_PHASE=phase-production-build), which must exit when done.
export function jobsInProcess(): boolean {
  if (process.env.NEXT_PHASE === "phase-production-build") return false;
  return process.env.JOBS_IN_PROCESS?.trim().toLowerCase() !== "false";
}

// The font embedded in the PDF bulletin (通报): it must contain Chinese glyphs. Default
// Debian's fonts-noto-cjk; BULLETIN_FONT_PATH may name another .ttf/.otf/.ttc, and
// BULLETIN_FONT_NAME the face inside a collection (.ttc).
export function bulletinFont(): { path: string; name: string | undefined } {
  const path = process.env.BULLETIN_FONT_PATH?.trim() || "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  const name = process.env.BULLETIN_FONT_NAME?.trim() || (path.endsWith(".ttc") ? "NotoSansCJKsc-Regular" : undefined);
  return { path, name };
}

export function bulletinFontPath(): string {
  return bulletinFont().path;
}

/** Mail transport and the public address, for the job handlers (lib/jobs/handlers.ts). */
export function mailSettings(): TMailSettings {
  return { config: mailConfig(), baseUrl: publicBaseUrl() };
}

// LOG_LEVEL: the logger's threshold (fatal, error, warn, info, debug, trace or silent;
// default info). A bad value stops the start.
export function logLevel(): TLogLevel {
  return z
    .enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` })
    .parse(process.env.LOG_LEVEL?.trim() || "info");
}

// METRICS_TOKEN: the bearer token Prometheus sends to /api/metrics (at least 32
// characters: openssl rand -hex 32). Unset, the endpoint does not exist (404).
export function metricsToken(): string | null {
  const token = process.env.METRICS_TOKEN?.trim();
  if (!token) return null;
  return z.string().min(32, { message: "METRICS_TOKEN must be at least 32 characters" }).parse(token);
}
