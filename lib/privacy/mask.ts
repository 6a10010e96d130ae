// Masking personal data for display (lists, logs, exports for roles that may not see it in full).
// Pure string functions; null/undefined in → null out. Lengths are counted in code points.
import { MOBILE_PATTERN } from "../mobile";
import { foldFullWidth } from "../validation/fold-full-width";

const STAR = "*";

/** A generic value is shown as first 3 + stars + last 2 only from this length on; shorter → all stars. */
export const GENERIC_MIN_LENGTH = 8;

function stars(n: number): string {
  return STAR.repeat(Math.max(0, n));
}

/** First 3 and last 2 code points kept, the rest starred (same length); short values all starred. */
export function maskGeneric(value: string): string;
export function maskGeneric(value: string | null | undefined): string | null;
export function maskGeneric(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const chars = [...value.trim()];
  if (chars.length < GENERIC_MIN_LENGTH) return stars(chars.length);
  return chars.slice(0, 3).join("") + stars(chars.length - 5) + chars.slice(-2).join("");
}

/**
 * Mainland mobile numbers → "138****5678" (also from "+86 138 1234 5678", "0086-138…", "86138…").
 * Anything else is masked generically (separators removed).
 */
export function maskMobile(value: string): string;
export function maskMobile(value: string | null | undefined): string | null;
export function maskMobile(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const compact = foldFullWidth(value).replace(/[\s\-()]/g, "");
  const national = compact.replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, "");
  if (MOBILE_PATTERN.test(national)) return `${national.slice(0, 3)}****${national.slice(7)}`;
  return maskGeneric(compact);
}

/**
 * Resident identity card numbers: 18 digits (last may be X) → first 6 + 8 stars + last 4,
 * hiding the birth date; old 15-digit numbers → first 6 + 6 stars + last 3 (again the birth
 * date, YYMMDD). Anything else (passports, permits …) is masked generically.
 */
export function maskIdNumber(value: string): string;
export function maskIdNumber(value: string | null | undefined): string | null;
export function maskIdNumber(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const compact = foldFullWidth(value).replace(/\s/g, "").toUpperCase();
  if (/^\d{17}[\dX]$/.test(compact)) return `${compact.slice(0, 6)}${stars(8)}${compact.slice(14)}`;
  if (/^\d{15}$/.test(compact)) return `${compact.slice(0, 6)}${stars(6)}${compact.slice(12)}`;
  return maskGeneric(compact);
}

const NAME_SEPARATOR = /^[\s·•・.\-]$/u;

/**
 * Keeps the first character, stars the rest: "张三" → "张*", "欧阳娜娜" → "欧***".
 * Separators in names ("阿依古丽·买买提", "John Smith") are kept. A single character → "*".
 */
export function maskName(value: string): string;
export function maskName(value: string | null | undefined): string | null;
export function maskName(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const chars = [...value.trim()];
  if (chars.length <= 1) return stars(chars.length);
  return (
    chars[0] +
    chars
      .slice(1)
      .map((c) => (NAME_SEPARATOR.test(c) ? c : STAR))
      .join("")
  );
}

/**
 * "zhangsan@example.com" → "z***@example.com": first character of the local part and a fixed
 * "***" (the length is not revealed); the domain is kept. A one-character local part → "*".
 * Not an e-mail address → masked generically.
 */
export function maskEmail(value: string): string;
export function maskEmail(value: string | null | undefined): string | null;
export function maskEmail(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at === trimmed.length - 1) return maskGeneric(trimmed);
  const local = [...trimmed.slice(0, at)];
  const domain = trimmed.slice(at + 1);
  const maskedLocal = local.length === 1 ? STAR : `${local[0]}***`;
  return `${maskedLocal}@${domain}`;
}
