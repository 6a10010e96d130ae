/**
 * The one normaliser for code-like fields people type with a Chinese input method: USCC,
 * amounts, mobile and ID numbers. An IME types full-width forms by default
 * ("９１３５…", "１０．５", "１３８－１２３４"), and its period key gives "。": they look
 * right on screen but no pattern matches them, so each field is folded here before it is
 * checked, the same way in every schema, import and mask. NFKC folds the full-width digits,
 * letters and ASCII punctuation and the ideographic space; the ideographic full stop and
 * the dash-like signs NFKC keeps are mapped by hand. Not for prose: it would rewrite 。 in
 * a sentence. Pure.
 */
const IDEOGRAPHIC_FULL_STOP = /[\u3002\uff61]/g; // 。 ｡
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63]/g; // ‐ ‑ ‒ – — ― − ﹘ ﹣

export function foldFullWidth(input: string): string {
  return input.normalize("NFKC").replace(IDEOGRAPHIC_FULL_STOP, ".").replace(DASHES, "-");
}
