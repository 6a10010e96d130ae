import { isCommonPassword } from "./common-password-check";
import { hash as argon2Hash, parseOptions, verify as argon2Verify, type Algorithm, type Options, type Version } from "@node-rs/argon2";

// Password hashing (Argon2id) and the password policy. Pure: no framework, no env.

// `Algorithm` and `Version` are ambient const enums in @node-rs/argon2's types, which
// `isolatedModules` cannot read; their numeric values are stable (Argon2id = 2, 0x13 = 1).
const ARGON2ID: Algorithm = 2;
const V0X13: Version = 1;

/** OWASP Password Storage Cheat Sheet minimum for Argon2id: m=19 MiB, t=2, p=1. */
export const PASSWORD_HASH_PARAMS = {
  algorithm: ARGON2ID,
  version: V0X13,
  memoryCost: 19456, // KiB
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

export const PASSWORD_POLICY = { minLength: 8, maxLength: 128, minClasses: 3, minContextLength: 3 } as const;

export type TPasswordPolicyError =
  "tooShort" | "tooLong" | "tooFewClasses" | "containsAccount" | "containsMobile" | "likePrevious" | "commonPassword";

/** What a new password is checked against besides the list of common ones. */
export type TPasswordContext = {
  account?: string;
  name?: string;
  /** The account's mobile number (11 digits, spaces allowed). */
  mobile?: string | null;
  /** The password it replaces, when the caller knows it (a change of one's own password). */
  previous?: string;
};

export async function hashPassword(plain: string): Promise<string> {
  return argon2Hash(plain, PASSWORD_HASH_PARAMS);
}

// Verified against when there is no real hash, so that "no such account" / "no password set"
// costs one Argon2 verification, like a wrong password does. Computed once, on first need.
let dummyHash: Promise<string> | null = null;

function getDummyHash(): Promise<string> {
  if (!dummyHash) {
    dummyHash = argon2Hash("rongqiao-dummy-password-never-matches", PASSWORD_HASH_PARAMS);
    // A failure must not be cached for ever.
    dummyHash.catch(() => {
      dummyHash = null;
    });
  }
  return dummyHash;
}

async function burnOneVerification(plain: string): Promise<void> {
  try {
    await argon2Verify(await getDummyHash(), plain);
  } catch {
    // Only here to spend time; the answer is "false" whatever happens.
  }
}

/**
 * True only when `plain` matches `hash`. A null hash (unknown account, no password set) and a
 * malformed hash still spend one Argon2 verification, then answer false. Never throws.
 */
export async function verifyPassword(hash: string | null, plain: string): Promise<boolean> {
  if (hash === null || hash === "") {
    await burnOneVerification(plain);
    return false;
  }
  try {
    return await argon2Verify(hash, plain);
  } catch {
    // Malformed or unsupported hash string: fail closed, same cost as a wrong password.
    await burnOneVerification(plain);
    return false;
  }
}

/**
 * True when `hash` was not made with the current parameters (or cannot be read): the caller
 * should re-hash the password it has just verified and store the new hash.
 */
export function needsRehash(hash: string): boolean {
  let used: ReturnType<typeof parseOptions>;
  try {
    used = parseOptions(hash);
  } catch {
    return true;
  }
  const want = PASSWORD_HASH_PARAMS;
  return (
    used.algorithm !== want.algorithm ||
    used.version !== want.version ||
    used.memoryCost !== want.memoryCost ||
    used.timeCost !== want.timeCost ||
    used.parallelism !== want.parallelism ||
    used.outputLen !== want.outputLen
  );
}

/** Lowercase a-z, uppercase A-Z, digits 0-9, anything else (symbols, spaces, non-ASCII incl. 汉字). */
export function characterClasses(plain: string): number {
  let lower = false;
  let upper = false;
  let digit = false;
  let other = false;
  for (const ch of plain) {
    if (ch >= "a" && ch <= "z") lower = true;
    else if (ch >= "A" && ch <= "Z") upper = true;
    else if (ch >= "0" && ch <= "9") digit = true;
    else other = true;
  }
  return Number(lower) + Number(upper) + Number(digit) + Number(other);
}

function fold(s: string): string {
  return s.normalize("NFKC").toLowerCase();
}

/** The context strings a password may not contain: the account, its e-mail local part, the name. */
function forbiddenParts(context: TPasswordContext): string[] {
  const parts: string[] = [];
  const add = (s: string | undefined) => {
    const folded = fold((s ?? "").trim());
    if ([...folded].length >= PASSWORD_POLICY.minContextLength) parts.push(folded);
  };
  add(context.account);
  const at = context.account?.lastIndexOf("@") ?? -1;
  if (context.account && at > 0) add(context.account.slice(0, at));
  add(context.name);
  return parts;
}

// The whole number and its last eight digits (the part people remember and reuse).
function containsMobile(folded: string, mobile: string | null | undefined): boolean {
  const digits = (mobile ?? "").replace(/\D/g, "");
  if (digits.length < 8) return false;
  return folded.includes(digits) || folded.includes(digits.slice(-8));
}

// "Spring#2025" → "Spring#2026" or "Spring#2025!": the old password with its digits or
// the symbols around them changed is guessed first by whoever learned the old one.
function likePrevious(plain: string, previous: string | undefined): boolean {
  if (!previous) return false;
  const digitsMasked = (s: string) => fold(s).replace(/[0-9]+/g, "0");
  if (digitsMasked(plain) === digitsMasked(previous)) return true;
  const letters = (s: string) => fold(s).replace(/[^\p{L}]+/gu, "");
  const mine = letters(plain);
  return [...mine].length >= 4 && mine === letters(previous);
}

/**
 * null when acceptable, otherwise the first broken rule, checked in this order:
 * tooShort (< 8 code points), tooLong (> 128), tooFewClasses (< 3 of 4), containsAccount,
 * containsMobile, likePrevious, commonPassword.
 * `containsAccount` covers the account (and, for an e-mail, its local part) and the name,
 * each only when it is at least 3 characters; comparison is case-insensitive (NFKC-folded).
 * `commonPassword`: the password's stem is on the shipped list (common-password-check.ts).
 */
export function checkPasswordPolicy(plain: string, context: TPasswordContext = {}): TPasswordPolicyError | null {
  const length = [...plain].length;
  if (length < PASSWORD_POLICY.minLength) return "tooShort";
  if (length > PASSWORD_POLICY.maxLength) return "tooLong";
  if (characterClasses(plain) < PASSWORD_POLICY.minClasses) return "tooFewClasses";
  const folded = fold(plain);
  if (forbiddenParts(context).some((part) => folded.includes(part))) return "containsAccount";
  if (containsMobile(folded, context.mobile)) return "containsMobile";
  if (likePrevious(plain, context.previous)) return "likePrevious";
  if (isCommonPassword(folded)) return "commonPassword";
  return null;
}
