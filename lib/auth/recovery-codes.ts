import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// One-time recovery codes for when the authenticator is lost.
//
// Alphabet: Crockford base32 in lowercase — digits plus letters without i, l, o, u — so
// 8 characters carry exactly 40 random bits ("k7m2-x9qp"). Letters that are easily misread
// are not in it, and are read back the Crockford way when typed: o → 0, i and l → 1.
// Only SHA-256 hashes of the normalised code are stored: the codes are random (not chosen by
// people), so a fast hash is enough.

export const RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
export const RECOVERY_CODE_LENGTH = 8; // characters, 5 bits each → 40 bits
const CODE_PATTERN = new RegExp(`^[${RECOVERY_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`);
const HASH_PATTERN = /^[0-9a-f]{64}$/i;

function randomCode(): string {
  // 5 random bytes = 40 bits = eight 5-bit groups: uniform over the 32-character alphabet.
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = "";
  for (let i = RECOVERY_CODE_LENGTH - 1; i >= 0; i--) out += RECOVERY_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

/** Lowercase; drop spaces, dashes and other separators; read o as 0 and i/l as 1. */
export function normalizeRecoveryCode(input: string): string {
  return input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_‐‑‒–—―－.·]/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
}

/** sha256 hex of the normalised code. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(code), "utf8").digest("hex");
}

/** `count` distinct codes shown once as "xxxx-xxxx", and their hashes (same order) to store. */
export function generateRecoveryCodes(count = 10): { plain: string[]; hashes: string[] } {
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new RangeError("count must be an integer in 1..100");
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomCode());
  const plain = [...codes].map((c) => `${c.slice(0, 4)}-${c.slice(4)}`);
  return { plain, hashes: plain.map(hashRecoveryCode) };
}

/**
 * Looks the typed code up among the stored hashes. Every stored hash is compared in constant
 * time, without stopping at the first match. On success `remaining` is the stored list without
 * the used code: store it in place of the old list.
 */
export function matchRecoveryCode(input: string, hashes: string[]): { ok: true; remaining: string[] } | { ok: false } {
  const normalized = normalizeRecoveryCode(input);
  if (!CODE_PATTERN.test(normalized)) return { ok: false };
  const typed = createHash("sha256").update(normalized, "utf8").digest();

  const remaining: string[] = [];
  let found = false;
  for (const stored of hashes) {
    const same = HASH_PATTERN.test(stored) && timingSafeEqual(Buffer.from(stored, "hex"), typed);
    if (same) found = true;
    else remaining.push(stored);
  }
  return found ? { ok: true, remaining } : { ok: false };
}
