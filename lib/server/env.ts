import { z } from "zod";
import type { TS3Settings } from "@/lib/attachments/mutations/s3-attachment-store";
import type { TMailConfig, TMailSettings } from "@/lib/notifications/mail/mail-settings";
import { LOG_LEVELS, type TLogLevel } from "../observability/log-levels";

// The one place that reads process.env for the app. Scripts under scripts/ resolve
// their own database URL (they may start the embedded server first), then check the
// settings their command needs with settingsProblems() before doing anything.

function hasProtocol(value: string, protocols: RegExp): boolean {
  try {
    const url = new URL(value);
    return protocols.test(url.protocol) && url.hostname !== "";
  } catch {
    return false;
  }
}

// A PostgreSQL URL may leave the host out and name a socket folder instead
// (postgresql://rongqiao@/rongqiao?host=/var/run/postgresql), which the URL parser refuses.
function isPostgresUrl(value: string): boolean {
  return hasProtocol(value.replace(/^(postgres(?:ql)?:\/\/[^/@]*@)\//, "$1localhost/"), /^postgres(ql)?:$/);
}

const ZPostgresUrl = z.string().refine((value) => isPostgresUrl(value), { message: "must be a postgresql:// URL" });

const AUTH_SECRET_HINT = "at least 32 random characters; make one with: openssl rand -base64 32";
// What a required setting that is not set at all should be.
const REQUIRED_HINTS: Partial<Record<string, string>> = { DATABASE_URL: "a postgresql:// URL", AUTH_SECRET: AUTH_SECRET_HINT };

const ZAbsolutePath = z.string().refine((value) => value.startsWith("/"), { message: "must be an absolute path" });

// Unset and empty mean the default; only a value that is there is checked.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const ZEnv = z.object({
  DATABASE_URL: ZPostgresUrl,
  // Migrations and grants run as the tables' owner when it is set (scripts/db/migrate.ts).
  DATABASE_OWNER_URL: optional(ZPostgresUrl),
  // Signs the session cookie. `npm run dev` and the test servers generate one; a
  // production deployment must set its own (openssl rand -base64 32).
  AUTH_SECRET: z.string().min(32, { message: `must be ${AUTH_SECRET_HINT}` }),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  SMTP_URL: optional(z.string().refine((value) => hasProtocol(value, /^smtps?:$/), { message: "must be an smtp:// or smtps:// URL" })),
  MAIL_TRANSPORT: optional(z.enum(["smtp", "file", "log"], { message: 'must be "smtp", "file" or "log"' })),
  MAIL_FROM: optional(z.string().regex(/@/, { message: 'must contain an address, e.g. "融桥 <no-reply@example.gov.cn>"' })),
  MAIL_DIR: optional(ZAbsolutePath),
  ATTACHMENTS_DIR: optional(ZAbsolutePath),
  APP_URL: optional(z.string().regex(/^https?:\/\/[^/]/, { message: "must be an http:// or https:// address" })),
  JOBS_IN_PROCESS: optional(z.string().regex(/^(true|false)$/i, { message: 'must be "true" or "false"' })),
  READY_MAX_DUE_JOBS: optional(z.coerce.number().int().positive({ message: "must be a positive whole number" })),
  MAX_CONCURRENT_RENDERS: optional(z.coerce.number().int().min(0, { message: "must be a whole number, 0 or more" })),
  READY_MAX_JOB_DELAY_SECONDS: optional(z.coerce.number().int().positive({ message: "must be a positive whole number" })),
  DEMO_MODE: optional(z.string().regex(/^(true|false)$/i, { message: 'must be "true" or "false"' })),
});

export type TEnv = z.infer<typeof ZEnv>;

/** What a command needs: the web server, the job worker, or the migrations (a database URL only). */
export type TSettingsUse = "server" | "jobs" | "migrate";

const NEEDED: Record<TSettingsUse, (keyof TEnv)[]> = {
  server: [
    "DATABASE_URL",
    "AUTH_SECRET",
    "SMTP_URL",
    "MAIL_TRANSPORT",
    "MAIL_FROM",
    "MAIL_DIR",
    "APP_URL",
    "JOBS_IN_PROCESS",
    "READY_MAX_DUE_JOBS",
    "READY_MAX_JOB_DELAY_SECONDS",
    "MAX_CONCURRENT_RENDERS",
    "DEMO_MODE",
  ],
  jobs: ["DATABASE_URL", "SMTP_URL", "MAIL_TRANSPORT", "MAIL_FROM", "MAIL_DIR", "APP_URL"],
  migrate: ["DATABASE_URL", "DATABASE_OWNER_URL"],
};

/**
 * Every missing or malformed setting `use` needs, as "NAME: what is wrong" (never the
 * value: it may be a secret). Empty when the command may start. The server, the job
 * worker and db:migrate call it first, so a bad deployment stops at once with the list
 * instead of starting and failing on its first request.
 */
export function settingsProblems(use: TSettingsUse, env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const needed = Object.fromEntries(NEEDED[use].map((key) => [key, true])) as { [K in keyof TEnv]?: true };
  // Migrations may run with the owner's URL alone.
  const ownerOnly = use === "migrate" && !!env.DATABASE_OWNER_URL?.trim();
  const schema = (ownerOnly ? ZEnv.partial({ DATABASE_URL: true }) : ZEnv).pick(needed);
  const problems: string[] = [];
  const result = schema.safeParse(env);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "");
      const hint = REQUIRED_HINTS[key];
      problems.push(env[key] === undefined ? `${key}: is not set${hint ? ` (it must be ${hint})` : ""}` : `${key}: ${issue.message}`);
    }
  }
  if (env.MAIL_TRANSPORT?.trim() === "smtp" && !env.SMTP_URL?.trim() && NEEDED[use].includes("SMTP_URL")) {
    problems.push('SMTP_URL: is not set, and MAIL_TRANSPORT is "smtp"');
  }
  if (use === "server") problems.push(...attachmentStoreProblems(env));
  return problems;
}

/**
 * The exit code of a command that refuses to start over its settings: sysexits' EX_CONFIG,
 * so a supervisor can tell it from a crash (the systemd units in deploy/ do not restart it).
 */
export const EXIT_BAD_SETTINGS = 78;

/** The message a command prints before it exits for `problems` (settingsProblems). */
export function settingsRefusal(what: string, problems: string[]): string {
  return [
    `${what} will not start: ${problems.length === 1 ? "a setting is" : "settings are"} missing or malformed:`,
    ...problems.map((p) => `  - ${p}`),
    "See docs/operations.md, section Settings.",
  ].join("\n");
}

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

// Where attachments' bytes are kept, the same for every app server: ATTACHMENT_STORE=postgres
// (default: the database, in the attachment row's transaction and in every backup) or s3
// (an S3-compatible bucket: S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY;
// S3_REGION default us-east-1, S3_PREFIX default none). A half-configured s3 stops here.
const ZAttachmentStoreEnv = z.discriminatedUnion("ATTACHMENT_STORE", [
  z.object({ ATTACHMENT_STORE: z.literal("postgres") }),
  z.object({
    ATTACHMENT_STORE: z.literal("s3"),
    S3_ENDPOINT: z.string().url({ message: "S3_ENDPOINT must be an http(s):// URL" }),
    S3_BUCKET: z.string().min(1, { message: "S3_BUCKET must be set" }),
    S3_ACCESS_KEY_ID: z.string().min(1, { message: "S3_ACCESS_KEY_ID must be set" }),
    S3_SECRET_ACCESS_KEY: z.string().min(1, { message: "S3_SECRET_ACCESS_KEY must be set" }),
    S3_REGION: z.string().default("us-east-1"),
    S3_PREFIX: z.string().default(""),
  }),
]);

export type TAttachmentStoreSettings = { kind: "postgres" } | { kind: "s3"; s3: TS3Settings };

const S3_SETTINGS = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION", "S3_PREFIX"];

function attachmentStoreEnv(env: Readonly<Record<string, string | undefined>>) {
  const setting = (name: string) => env[name]?.trim() || undefined;
  return {
    ATTACHMENT_STORE: setting("ATTACHMENT_STORE") ?? "postgres",
    ...Object.fromEntries(S3_SETTINGS.map((n) => [n, setting(n)])),
  };
}

function attachmentStoreProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const result = ZAttachmentStoreEnv.safeParse(attachmentStoreEnv(env));
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? "ATTACHMENT_STORE");
    return key === "ATTACHMENT_STORE" ? 'ATTACHMENT_STORE: must be "postgres" or "s3"' : `${key}: ${issue.message}`;
  });
}

export function attachmentStoreSettings(): TAttachmentStoreSettings {
  const parsed = ZAttachmentStoreEnv.parse(attachmentStoreEnv(process.env));
  if (parsed.ATTACHMENT_STORE === "postgres") return { kind: "postgres" };
  return {
    kind: "s3",
    s3: {
      endpoint: parsed.S3_ENDPOINT,
      bucket: parsed.S3_BUCKET,
      region: parsed.S3_REGION,
      accessKeyId: parsed.S3_ACCESS_KEY_ID,
      secretAccessKey: parsed.S3_SECRET_ACCESS_KEY,
      prefix: parsed.S3_PREFIX,
    },
  };
}

// The migrations this build ships (prisma/migrations, beside the server: the repository
// or the unpacked release bundle); the readiness probe checks that all are applied.
export function migrationsDir(): string {
  return `${process.cwd()}/prisma/migrations`;
}

// Where this build's Next.js output lives (next.config.ts reads the same variable).
export function nextDistDir(): string {
  return `${process.cwd()}/${process.env.NEXT_DIST_DIR ?? ".next"}`;
}

// How much of the job queue may wait before the readiness probe says "not ready": due
// jobs (default 1,000) and the age of the oldest (default 15 minutes; the in-server loop
// runs every minute, `npm run jobs` every 15 s, the deadline scan every 5 minutes).
export function readinessLimits(): { maxDueJobs: number; maxJobDelaySeconds: number } {
  const limits = ZEnv.pick({ READY_MAX_DUE_JOBS: true, READY_MAX_JOB_DELAY_SECONDS: true }).parse(process.env);
  return { maxDueJobs: limits.READY_MAX_DUE_JOBS ?? 1000, maxJobDelaySeconds: limits.READY_MAX_JOB_DELAY_SECONDS ?? 900 };
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

// How many responses one server process prepares at once (lib/server/render-gate.ts);
// the rest wait their turn. 0 turns the gate off.
export const DEFAULT_MAX_CONCURRENT_RENDERS = 6;

export function maxConcurrentRenders(): number {
  const value = process.env.MAX_CONCURRENT_RENDERS?.trim();
  return value ? Number(value) : DEFAULT_MAX_CONCURRENT_RENDERS;
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

/**
 * DEMO_MODE: whether the demo conveniences exist: the sign-in page's list of demo accounts
 * (when the database holds them), `npm run demo:totp`'s codes, and the demo seed itself
 * (refused otherwise). Unset, it is on in development (`npm run dev`) and off otherwise
 * (`npm start`), so a production server never advertises, or receives, accounts that
 * share one published password and derivable one-time-code secrets.
 */
export function demoModeOn(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const value = env.DEMO_MODE?.trim().toLowerCase();
  if (value === "true") return true;
  if (value === "false") return false;
  return env.NODE_ENV === "development";
}

// METRICS_TOKEN: the bearer token Prometheus sends to /api/metrics (at least 32
// characters: openssl rand -hex 32). Unset, the endpoint does not exist (404).
export function metricsToken(): string | null {
  const token = process.env.METRICS_TOKEN?.trim();
  if (!token) return null;
  return z.string().min(32, { message: "METRICS_TOKEN must be at least 32 characters" }).parse(token);
}
