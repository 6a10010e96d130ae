import { foldFullWidth } from "./validation/fold-full-width";

/**
 * Mainland mobile numbers, one rule for every form, import and mask: 11 digits starting
 * 13–19. People type them with spaces, dashes, brackets, a +86/0086 prefix or full-width
 * digits (a Chinese input method's default); all of that is removed before checking.
 */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** "+86 138-1234-5678", "１３８ １２３４ ５６７８" … → "13812345678" (not validated). */
export function compactMobile(input: string): string {
  return foldFullWidth(input)
    .replace(/[\s\-()]/g, "")
    .replace(/^(?:\+86|0086)(?=\d{11}$)/, "");
}

/** The compact mobile number, or null when it is not one. */
export function parseMobile(input: string): string | null {
  const compact = compactMobile(input);
  return MOBILE_PATTERN.test(compact) ? compact : null;
}
