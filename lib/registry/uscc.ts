/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * Layout of the 18 characters:
 *   1      registration authority (登记管理部门码; 9 = 工商/市场监管, 5 = 民政, 1 = 机构编制 …)
 *   2      organization type within that authority (for 9: 1 = 企业, 2 = 个体工商户, 3 = 农民专业合作社)
 *   3–8    administrative division code (登记管理机关行政区划码, GB/T 2260)
 *   9–17   organization code (组织机构代码, GB 11714: 8 body characters + its own check character)
 *   18     check character over the first 17 (mod 31)
 *
 * The charset is the digits and the capital letters without I, O, Z, S, V (they look
 * like 1, 0, 2, 5, U). Validation here is the national standard's check (length, charset,
 * 18th character): it is what every registry and bank checks. Functions are strict: call
 * `normalizeUscc` on user input first (trims, removes spaces, upper-cases).
 *
 * Pure: no I/O.
 */

import { foldFullWidth } from "@/lib/validation/fold-full-width";

export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Weight of position i (0-based) is 3^i mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714 organization code: weights of the 8 body characters. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const ORG_CODE_BODY = /^[0-9A-Z]{8}$/;

const VALUE_OF: ReadonlyMap<string, number> = new Map([...USCC_CHARSET].map((c, i) => [c, i]));

export type TUsccError = "length" | "charset" | "checksum";

/** Folds full-width forms (foldFullWidth), removes spaces and hyphens, upper-cases. Does not validate. */
export function normalizeUscc(input: string): string {
  return foldFullWidth(input).replace(/[\s-]/g, "").toUpperCase();
}

/**
 * The 18th character for the first 17 characters. Throws a RangeError if `first17` is not
 * exactly 17 characters of the USCC charset.
 */
export function usccCheckChar(first17: string): string {
  if (typeof first17 !== "string" || first17.length !== 17) {
    throw new RangeError(`usccCheckChar: expected 17 characters, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VALUE_OF.get(first17[i] as string);
    if (v === undefined) {
      throw new RangeError(`usccCheckChar: ${JSON.stringify(first17[i])} is not in the USCC charset`);
    }
    sum += v * (USCC_WEIGHTS[i] as number);
  }
  const c = (31 - (sum % 31)) % 31;
  return USCC_CHARSET[c] as string;
}

/**
 * Why a code is invalid, or null when it is valid. Checked in this order: length (18),
 * charset (digits and capitals without I, O, Z, S, V), check character.
 */
export function explainUsccError(code: string): TUsccError | null {
  if (typeof code !== "string" || code.length !== 18) return "length";
  for (const ch of code) if (!VALUE_OF.has(ch)) return "charset";
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : "checksum";
}

export function isValidUscc(code: string): boolean {
  return explainUsccError(code) === null;
}

/** GB 11714 check character (0–9 or X) for an 8-character organization code body. */
export function orgCodeCheckChar(body: string): string {
  if (!ORG_CODE_BODY.test(body)) {
    throw new RangeError(`orgCodeCheckChar: expected 8 digits/capitals, got ${JSON.stringify(body)}`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body.charCodeAt(i);
    const v = ch <= 57 ? ch - 48 : ch - 55; // '0'–'9' → 0–9, 'A'–'Z' → 10–35
    sum += v * (ORG_CODE_WEIGHTS[i] as number);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** Whether the 9-character organization code (positions 9–17 of a USCC) has a valid GB 11714 check. */
export function isValidOrgCode(code9: string): boolean {
  return code9.length === 9 && ORG_CODE_BODY.test(code9.slice(0, 8)) && orgCodeCheckChar(code9.slice(0, 8)) === code9[8];
}

/** Anything with a uniform `next()` in [0, 1): lib/seed/random's Rng, or `{ next: Math.random }`. */
export interface TUsccRandom {
  next(): number;
}

export interface TMakeUsccOptions {
  /** Registration authority, 1 character (default "9", 工商/市场监管). */
  authority?: string;
  /** Organization type, 1 character (default "1", 企业). */
  type?: string;
  /** 6-digit administrative division code (default: a district of the fictional 云溪市, 4314xx). */
  division?: string;
  /**
   * The 8-character organization code body (USCC charset). Default: random, "MA" + 6
   * characters, the form market regulators have assigned since 2015. Pass a value derived
   * from a counter to guarantee uniqueness over many codes.
   */
  orgCodeBody?: string;
}

/** Division codes of the fictional city 云溪市 (4314 is not assigned in Hunan's 43 range). */
export const YUNXI_DIVISIONS = ["431400", "431402", "431403", "431421", "431422", "431423", "431471", "431472", "431481"] as const;

function randomChar(rng: TUsccRandom, charset: string): string {
  return charset[Math.floor(rng.next() * charset.length) % charset.length] as string;
}

/** A valid USCC: given parts are used as they are, missing parts drawn from `rng`. */
export function makeUscc(rng: TUsccRandom, opts: TMakeUsccOptions = {}): string {
  const authority = opts.authority ?? "9";
  const type = opts.type ?? "1";
  const division = opts.division ?? (YUNXI_DIVISIONS[Math.floor(rng.next() * YUNXI_DIVISIONS.length)] as string);
  let body = opts.orgCodeBody;
  if (body === undefined) {
    body = "MA";
    for (let i = 0; i < 6; i++) body += randomChar(rng, USCC_CHARSET);
  }
  if (!/^\d{6}$/.test(division)) throw new RangeError(`makeUscc: division must be 6 digits, got ${division}`);
  if (body.length !== 8 || [...body].some((c) => !VALUE_OF.has(c))) {
    throw new RangeError(`makeUscc: orgCodeBody must be 8 USCC characters, got ${body}`);
  }
  const first17 = authority + type + division + body + orgCodeCheckChar(body);
  return first17 + usccCheckChar(first17);
}
