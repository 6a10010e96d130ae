import { COMMON_PASSWORD_STEMS } from "./common-passwords";

// Read once per process, on first need.
let stems: Set<string> | null = null;

function commonStems(): Set<string> {
  stems ??= new Set(COMMON_PASSWORD_STEMS.split("\n").filter(Boolean));
  return stems;
}

// Symbols and digits people put in place of letters (P@ssw0rd, $unsh1ne). "1" stands for
// both i and l, so both readings are tried.
const SWAPS: Record<string, string> = { "@": "a", "4": "a", "0": "o", "3": "e", $: "s", "5": "s", "7": "t", "!": "i", "8": "b", "9": "g" };

function unswap(s: string, one: "i" | "l"): string {
  return [...s].map((c) => (c === "1" ? one : (SWAPS[c] ?? c))).join("");
}

// Digits and symbols at the ends: Password1!, 2026Password, @@qwerty##.
const stripEnd = (s: string) => s.replace(/[^\p{L}]+$/u, "");
const stripStart = (s: string) => s.replace(/^[^\p{L}]+/u, "");

/**
 * True when the password (already lower-cased and NFKC-folded) is a common one: itself,
 * or what is left after stripping digits and symbols from its end (then also its start),
 * with letter-for-symbol swaps undone, or its letters alone (four or more), is on the
 * shipped list. Offline: the list is
 * part of the code (scripts/auth/generate-common-passwords.ts).
 */
export function isCommonPassword(folded: string): boolean {
  const list = commonStems();
  const trimmed = stripEnd(folded);
  const bothEnds = stripStart(trimmed);
  const candidates = [folded, trimmed, bothEnds];
  for (const c of [trimmed, bothEnds]) {
    const i = unswap(c, "i");
    const l = unswap(c, "l");
    candidates.push(i, stripEnd(i), l, stripEnd(l));
  }
  // Keyboard runs broken up by digits and symbols (1qaz@WSX): the letters alone, when
  // there are enough of them to mean something.
  const letters = folded.replace(/[^\p{L}]+/gu, "");
  if ([...letters].length >= 4) candidates.push(letters);
  return candidates.some((c) => c !== "" && list.has(c));
}
