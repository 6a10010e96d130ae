import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The session-signing secret for local servers: AUTH_SECRET when set, else one kept in
 * `file` (created on first use, git-ignored) so dev sessions survive a restart. Without
 * a file: a fresh random one (throwaway test servers).
 */
export function localAuthSecret(file?: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (!file) return randomBytes(32).toString("base64url");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
