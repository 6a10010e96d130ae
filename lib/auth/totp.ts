import { randomBytes, timingSafeEqual } from "node:crypto";
import { HOTP, Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

// Time-based one-time passwords (RFC 6238): SHA1, 6 digits, 30-second steps — what every
// authenticator app (Google/Microsoft Authenticator, 腾讯身份验证器 …) understands.

export const TOTP_PARAMS = { algorithm: "SHA1", digits: 6, period: 30, secretBytes: 20 } as const;
export const DEFAULT_TOTP_ISSUER = "融桥 RongQiao";

export type TTotpResult = { ok: true; step: number } | { ok: false; reason: "format" | "invalid" | "reused" };

/** A fresh random secret, base32 (RFC 4648, no padding): 20 bytes → 32 characters. */
export function generateTotpSecret(): string {
  const bytes = randomBytes(TOTP_PARAMS.secretBytes);
  return new Secret({ buffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }).base32;
}

/** Throws on a secret that is not base32: a stored secret that does not decode is a bug, not a user error. */
function decodeSecret(secret: string): Secret {
  const cleaned = secret.replace(/[\s=]/g, "").toUpperCase();
  if (!/^[A-Z2-7]+$/.test(cleaned)) throw new TypeError("TOTP secret is not base32");
  return Secret.fromBase32(cleaned);
}

/** otpauth://totp/… key URI, to be shown as a QR code (or typed in by hand) at enrolment. */
export function totpUri({ secret, account, issuer = DEFAULT_TOTP_ISSUER }: { secret: string; account: string; issuer?: string }): string {
  return new TOTP({
    issuer,
    label: account,
    secret: decodeSecret(secret),
    algorithm: TOTP_PARAMS.algorithm,
    digits: TOTP_PARAMS.digits,
    period: TOTP_PARAMS.period,
  }).toString();
}

/** The key URI as a standalone SVG document (string), for enrolment pages. */
export async function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** The RFC 6238 time step of an instant: whole 30-second periods since the Unix epoch. */
export function totpStep(now: Date): number {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("invalid date");
  return Math.floor(ms / 1000 / TOTP_PARAMS.period);
}

function codeAtStep(secret: Secret, step: number): string {
  return HOTP.generate({ secret, algorithm: TOTP_PARAMS.algorithm, digits: TOTP_PARAMS.digits, counter: step });
}

/** The code an authenticator shows at `now` (demo helper, tests). */
export function currentTotp(secret: string, now: Date): string {
  return codeAtStep(decodeSecret(secret), totpStep(now));
}

/**
 * Checks a code typed by the user.
 * - "format": not exactly 6 digits once whitespace is removed (full-width digits from a
 *   Chinese IME are accepted: the input is NFKC-normalised first);
 * - "invalid": no step in [step − window, step + window] has this code (wrong or expired);
 * - "reused": the code matches, but only at steps ≤ lastUsedStep (replay).
 * On success the caller must store the returned `step` as the new lastUsedStep.
 * Throws on a secret that is not base32, an invalid date or a bad window.
 */
export function verifyTotp({
  secret,
  code,
  now,
  lastUsedStep,
  window = 1,
}: {
  secret: string;
  code: string;
  now: Date;
  lastUsedStep: number | null;
  window?: number;
}): TTotpResult {
  if (!Number.isInteger(window) || window < 0 || window > 10) throw new RangeError("window must be an integer in 0..10");
  const key = decodeSecret(secret);
  const current = totpStep(now);

  const typed = code.normalize("NFKC").replace(/\s+/g, "");
  if (!/^[0-9]{6}$/.test(typed)) return { ok: false, reason: "format" };
  const typedBytes = Buffer.from(typed, "utf8");

  // Look at every step of the window (no early exit) and keep the earliest usable match.
  let matched = false;
  let usable: number | null = null;
  for (let step = current - window; step <= current + window; step++) {
    const same = timingSafeEqual(Buffer.from(codeAtStep(key, step), "utf8"), typedBytes);
    if (!same) continue;
    matched = true;
    if ((lastUsedStep === null || step > lastUsedStep) && usable === null) usable = step;
  }
  if (usable !== null) return { ok: true, step: usable };
  return { ok: false, reason: matched ? "reused" : "invalid" };
}
