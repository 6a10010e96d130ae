/**
 * Row-by-row rules of the enterprise and bank-contact imports. Every problem is an
 * error code (translated under "import.errors" in the message files) with the row
 * number as in the file and the column's template header; a row can have several.
 * Checks against the database (a USCC or a contact already on file) take the existing
 * values as a set, so everything here stays pure and fast: no I/O.
 */
import { EnterpriseSize } from "@/lib/generated/prisma/enums";
import { INDUSTRY_SECTIONS, type TIndustrySection } from "@/lib/registry/rules";
import { CONTACT_NAME_MAX, ENTERPRISE_NAME_MAX } from "@/lib/registry/schemas";
import { explainUsccError, normalizeUscc } from "@/lib/registry/uscc";
import { CONTACT_COLUMNS, ENTERPRISE_COLUMNS, mapHeader, type TColumnSpec, type TContactColumn, type TEnterpriseColumn } from "./columns";
import type { TSheet, TSheetRow } from "./sheet";
import { compactMobile, MOBILE_PATTERN } from "@/lib/mobile";
import { foldFullWidth } from "@/lib/validation/fold-full-width";

export type TErrorParams = Record<string, string | number>;
export type TRowError = { row: number; column?: string; code: string; params?: TErrorParams };
/** A problem with the file as a whole (nothing is checked row by row). */
export type TFileError = { code: string; params?: TErrorParams };

export const MAX_IMPORT_ROWS = 50_000;
export const TAG_MAX = 20;
export const TAGS_MAX = 10;
const TEXT_MAX = 64;

// ───────────────────────── shared helpers ─────────────────────────

type TCells<K extends string> = Record<K, string>;

function cellsOf<K extends string>(row: TSheetRow, index: Partial<Record<K, number>>, specs: readonly TColumnSpec<K>[]): TCells<K> {
  const out = {} as TCells<K>;
  for (const spec of specs) {
    const i = index[spec.key];
    out[spec.key] = i === undefined ? "" : (row.cells[i] ?? "").trim();
  }
  return out;
}

function headerOf<K extends string>(specs: readonly TColumnSpec<K>[], key: K): string {
  return specs.find((s) => s.key === key)!.header;
}

/** The checks common to both files, on the header row (row 1). */
function headerErrors<K extends string>(
  sheet: Pick<TSheet, "header" | "rows">,
  specs: readonly TColumnSpec<K>[],
  optional: readonly K[],
): { fileError: TFileError | null; index: Partial<Record<K, number>> } {
  const map = mapHeader(sheet.header, specs, optional);
  if (map.missing.length > 0)
    return { fileError: { code: "missingColumns", params: { columns: map.missing.join("、") } }, index: map.index };
  if (map.duplicated.length > 0)
    return { fileError: { code: "duplicateColumn", params: { column: map.duplicated[0]! } }, index: map.index };
  if (sheet.rows.length === 0) return { fileError: { code: "noRows" }, index: map.index };
  if (sheet.rows.length > MAX_IMPORT_ROWS)
    return { fileError: { code: "tooManyRows", params: { max: MAX_IMPORT_ROWS, count: sheet.rows.length } }, index: map.index };
  return { fileError: null, index: map.index };
}

/** Lookup keys of a name: as written, full-width folded, without spaces. */
function nameKey(text: string): string {
  return text.normalize("NFKC").replace(/\s/g, "").toLowerCase();
}

/** A name → id index that knows when a name is ambiguous. */
class NameIndex {
  private readonly map = new Map<string, string | null>(); // null: more than one
  add(name: string | null | undefined, id: string): void {
    if (!name) return;
    const key = nameKey(name);
    if (key === "") return;
    const had = this.map.get(key);
    if (had === undefined) this.map.set(key, id);
    else if (had !== id) this.map.set(key, null);
  }
  find(name: string): string | null | undefined {
    return this.map.get(nameKey(name));
  }
}

// ───────────────────────── enterprises ─────────────────────────

export type TParkRef = { id: string; code: string; name: string; shortName: string | null };

export type TEnterpriseDraft = {
  row: number;
  uscc: string;
  name: string;
  parkId: string;
  industrySection: TIndustrySection;
  size: EnterpriseSize;
  contactName: string | null;
  contactMobile: string | null;
  tags: string[];
};

export type TEnterpriseContext = {
  /** Active parks the file may name. */
  parks: readonly TParkRef[];
  /** Set for park staff: every row must be in this park; a blank park cell means it. */
  ownParkId: string | null;
};

/** GB/T 4754-2017 section names (门类), for files that give the name instead of the letter. */
export const SECTION_NAMES: Record<TIndustrySection, string> = {
  A: "农、林、牧、渔业",
  B: "采矿业",
  C: "制造业",
  D: "电力、热力、燃气及水生产和供应业",
  E: "建筑业",
  F: "批发和零售业",
  G: "交通运输、仓储和邮政业",
  H: "住宿和餐饮业",
  I: "信息传输、软件和信息技术服务业",
  J: "金融业",
  K: "房地产业",
  L: "租赁和商务服务业",
  M: "科学研究和技术服务业",
  N: "水利、环境和公共设施管理业",
  O: "居民服务、修理和其他服务业",
  P: "教育",
  Q: "卫生和社会工作",
  R: "文化、体育和娱乐业",
  S: "公共管理、社会保障和社会组织",
  T: "国际组织",
};

const SECTION_BY_NAME = new Map<string, TIndustrySection>(
  INDUSTRY_SECTIONS.map((s) => [nameKey(SECTION_NAMES[s]).replace(/[、，,]/g, ""), s] as const),
);

/** "C", "c", "制造业", "C 制造业", "C-制造业", "C．制造业" → "C"; anything else → null. */
export function parseIndustrySection(input: string): TIndustrySection | null {
  const text = input.normalize("NFKC").replace(/\s/g, "");
  const letter = /^([A-Ta-t])(?:$|[-.、:：．]?(.*)$)/.exec(text);
  if (letter) {
    const code = letter[1]!.toUpperCase() as TIndustrySection;
    const rest = letter[2];
    if (!rest) return code;
    return SECTION_BY_NAME.get(nameKey(rest).replace(/[、，,]/g, "")) === code ? code : null;
  }
  return SECTION_BY_NAME.get(nameKey(text).replace(/[、，,]/g, "")) ?? null;
}

const SIZE_WORDS: ReadonlyMap<string, EnterpriseSize> = new Map([
  ["大", EnterpriseSize.LARGE],
  ["大型", EnterpriseSize.LARGE],
  ["大型企业", EnterpriseSize.LARGE],
  ["large", EnterpriseSize.LARGE],
  ["中", EnterpriseSize.MEDIUM],
  ["中型", EnterpriseSize.MEDIUM],
  ["中型企业", EnterpriseSize.MEDIUM],
  ["medium", EnterpriseSize.MEDIUM],
  ["小", EnterpriseSize.SMALL],
  ["小型", EnterpriseSize.SMALL],
  ["小型企业", EnterpriseSize.SMALL],
  ["small", EnterpriseSize.SMALL],
  ["微", EnterpriseSize.MICRO],
  ["微型", EnterpriseSize.MICRO],
  ["微型企业", EnterpriseSize.MICRO],
  ["micro", EnterpriseSize.MICRO],
]);

/** 大/中/小/微, 大型…微型, 大型企业…, LARGE… → the enum; anything else → null. */
export function parseEnterpriseSize(input: string): EnterpriseSize | null {
  return SIZE_WORDS.get(input.normalize("NFKC").replace(/\s/g, "").toLowerCase()) ?? null;
}

/** "专精特新、高新技术企业" → two tags; separators 、，,；; and line breaks. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(/[、，,；;\n\r|/]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

export type TEnterpriseValidator = {
  fileError: TFileError | null;
  check(row: TSheetRow): { draft: TEnterpriseDraft | null; errors: TRowError[] };
};

/**
 * The validator for one file: header checks first (`fileError`), then `check` per row,
 * in file order (it remembers each USCC's first row to report duplicates in the file).
 */
export function enterpriseValidator(sheet: Pick<TSheet, "header" | "rows">, ctx: TEnterpriseContext): TEnterpriseValidator {
  const specs = ENTERPRISE_COLUMNS as readonly TColumnSpec<TEnterpriseColumn>[];
  const { fileError, index } = headerErrors(sheet, specs, ctx.ownParkId ? ["park"] : []);
  const col = (key: TEnterpriseColumn) => headerOf(specs, key);
  const parks = new NameIndex();
  for (const p of ctx.parks) {
    parks.add(p.code, p.id);
    parks.add(p.name, p.id);
    parks.add(p.name.replace(/(管理委员会|管委会)$/, ""), p.id);
    parks.add(p.shortName, p.id);
  }
  const firstRowOf = new Map<string, number>();

  function check(row: TSheetRow): { draft: TEnterpriseDraft | null; errors: TRowError[] } {
    const c = cellsOf(row, index, specs);
    const errors: TRowError[] = [];
    const fail = (key: TEnterpriseColumn, code: string, params: TErrorParams = {}) =>
      errors.push({ row: row.rowNumber, column: col(key), code, params: { column: col(key), ...params } });

    const uscc = normalizeUscc(c.uscc);
    if (uscc === "") fail("uscc", "required");
    else {
      const problem = explainUsccError(uscc);
      if (problem) fail("uscc", `uscc_${problem}`, { value: c.uscc });
      else {
        const first = firstRowOf.get(uscc);
        if (first !== undefined) fail("uscc", "duplicateInFile", { first });
        else firstRowOf.set(uscc, row.rowNumber);
      }
    }

    const name = c.name;
    if (name === "") fail("name", "required");
    else if ([...name].length > ENTERPRISE_NAME_MAX) fail("name", "tooLong", { max: ENTERPRISE_NAME_MAX });

    let parkId: string | null = null;
    if (c.park === "") {
      if (ctx.ownParkId) parkId = ctx.ownParkId;
      else fail("park", "required");
    } else {
      const found = parks.find(c.park);
      if (found === undefined) fail("park", "parkNotFound", { value: c.park });
      else if (found === null) fail("park", "parkAmbiguous", { value: c.park });
      else if (ctx.ownParkId && found !== ctx.ownParkId) fail("park", "notOwnPark", { value: c.park });
      else parkId = found;
    }

    let section: TIndustrySection | null = null;
    if (c.industry === "") fail("industry", "required");
    else if (!(section = parseIndustrySection(c.industry))) fail("industry", "industryInvalid", { value: c.industry });

    let size: EnterpriseSize | null = null;
    if (c.size === "") fail("size", "required");
    else if (!(size = parseEnterpriseSize(c.size))) fail("size", "sizeInvalid", { value: c.size });

    const contactName = c.contactName;
    if ([...contactName].length > CONTACT_NAME_MAX) fail("contactName", "tooLong", { max: CONTACT_NAME_MAX });
    let contactMobile: string | null = null;
    if (c.contactMobile !== "") {
      contactMobile = compactMobile(c.contactMobile);
      if (!MOBILE_PATTERN.test(contactMobile)) fail("contactMobile", "mobileInvalid", { value: c.contactMobile });
    }

    const tags = parseTags(c.tags);
    if (tags.length > TAGS_MAX || tags.some((t) => [...t].length > TAG_MAX))
      fail("tags", "tagsInvalid", { max: TAGS_MAX, length: TAG_MAX });

    if (errors.length > 0 || !parkId || !section || !size) return { draft: null, errors };
    return {
      draft: {
        row: row.rowNumber,
        uscc,
        name,
        parkId,
        industrySection: section,
        size,
        contactName: contactName || null,
        contactMobile,
        tags,
      },
      errors,
    };
  }

  return { fileError, check };
}

/** Rows whose USCC is already registered (`existing`: USCCs found in the database). */
export function existingUsccErrors(drafts: readonly TEnterpriseDraft[], existing: ReadonlySet<string>): TRowError[] {
  const column = headerOf(ENTERPRISE_COLUMNS as readonly TColumnSpec<TEnterpriseColumn>[], "uscc");
  return drafts
    .filter((d) => existing.has(d.uscc))
    .map((d) => ({ row: d.row, column, code: "usccExists", params: { column, value: d.uscc } }));
}

// ───────────────────────── bank contacts ─────────────────────────

export type TBankRef = { id: string; name: string; shortName: string | null };

export type TContactDraft = {
  row: number;
  bankOrgId: string;
  firstPersonName: string;
  firstPersonTitle: string;
  firstPersonMobile: string | null;
  secondPersonName: string;
  secondPersonTitle: string;
  secondPersonMobile: string | null;
  department: string;
  liaisonName: string;
  liaisonMobile: string | null;
  liaisonPhone: string | null;
  /** YYYY-MM-DD (a calendar date in China). */
  effectiveOn: string;
};

export type TContactContext = {
  banks: readonly TBankRef[];
  /** Today in Asia/Shanghai, YYYY-MM-DD: an effective date may be at most a year ahead. */
  today: string;
};

/** "2026-03-01", "2026/3/1", "2026.3.1", "2026年3月1日", "20260301" (a time after it is ignored) → "2026-03-01". */
export function parseDate(input: string): string | null {
  const text = input.normalize("NFKC").trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 2000) return null;
  return date.toISOString().slice(0, 10);
}

/** An office phone: digits with - ( ) + and 转 (extension), 7–20 digits in all. */
export function normalizePhone(input: string): string | null {
  const text = foldFullWidth(input).replace(/\s/g, "");
  if (!/^[0-9+\-()转#]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, "").length;
  return digits >= 7 && digits <= 20 ? text : null;
}

function addYear(isoDay: string): string {
  const [y, m, d] = isoDay.split("-");
  return `${Number(y) + 1}-${m}-${d}`;
}

export type TContactValidator = {
  fileError: TFileError | null;
  check(row: TSheetRow): { draft: TContactDraft | null; errors: TRowError[] };
};

export function contactValidator(sheet: Pick<TSheet, "header" | "rows">, ctx: TContactContext): TContactValidator {
  const specs = CONTACT_COLUMNS as readonly TColumnSpec<TContactColumn>[];
  const { fileError, index } = headerErrors(sheet, specs, []);
  const col = (key: TContactColumn) => headerOf(specs, key);
  const banks = new NameIndex();
  for (const b of ctx.banks) {
    banks.add(b.name, b.id);
    banks.add(b.shortName, b.id);
  }
  const latest = addYear(ctx.today);
  const firstRowOf = new Map<string, number>();

  function check(row: TSheetRow): { draft: TContactDraft | null; errors: TRowError[] } {
    const c = cellsOf(row, index, specs);
    const errors: TRowError[] = [];
    const fail = (key: TContactColumn, code: string, params: TErrorParams = {}) =>
      errors.push({ row: row.rowNumber, column: col(key), code, params: { column: col(key), ...params } });

    let bankOrgId: string | null = null;
    if (c.bank === "") fail("bank", "required");
    else {
      const found = banks.find(c.bank);
      if (found === undefined) fail("bank", "bankNotFound", { value: c.bank });
      else if (found === null) fail("bank", "bankAmbiguous", { value: c.bank });
      else bankOrgId = found;
    }
    for (const key of ["firstName", "firstTitle", "secondName", "secondTitle", "department", "liaisonName"] as const) {
      if (c[key] === "") fail(key, "required");
      else if ([...c[key]].length > TEXT_MAX) fail(key, "tooLong", { max: TEXT_MAX });
    }
    const mobile = (key: "firstMobile" | "secondMobile" | "liaisonMobile"): string | null => {
      if (c[key] === "") return null;
      const value = compactMobile(c[key]);
      if (!MOBILE_PATTERN.test(value)) fail(key, "mobileInvalid", { value: c[key] });
      return value;
    };
    const firstMobile = mobile("firstMobile");
    const secondMobile = mobile("secondMobile");
    const liaisonMobile = mobile("liaisonMobile");
    let liaisonPhone: string | null = null;
    if (c.liaisonPhone !== "") {
      liaisonPhone = normalizePhone(c.liaisonPhone);
      if (!liaisonPhone) fail("liaisonPhone", "phoneInvalid", { value: c.liaisonPhone });
    }
    // The contact is published so that parks and enterprises can call the liaison.
    if (c.liaisonMobile === "" && c.liaisonPhone === "") fail("liaisonPhone", "liaisonPhoneRequired");

    let effectiveOn: string | null = null;
    if (c.effectiveOn === "") fail("effectiveOn", "required");
    else if (!(effectiveOn = parseDate(c.effectiveOn))) fail("effectiveOn", "dateInvalid", { value: c.effectiveOn });
    else if (effectiveOn > latest) fail("effectiveOn", "dateTooFar", { value: effectiveOn });

    if (bankOrgId && effectiveOn && errors.length === 0) {
      const key = `${bankOrgId}|${effectiveOn}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) fail("effectiveOn", "duplicateContactInFile", { first });
      else firstRowOf.set(key, row.rowNumber);
    }

    if (errors.length > 0 || !bankOrgId || !effectiveOn) return { draft: null, errors };
    return {
      draft: {
        row: row.rowNumber,
        bankOrgId,
        firstPersonName: c.firstName,
        firstPersonTitle: c.firstTitle,
        firstPersonMobile: firstMobile,
        secondPersonName: c.secondName,
        secondPersonTitle: c.secondTitle,
        secondPersonMobile: secondMobile,
        department: c.department,
        liaisonName: c.liaisonName,
        liaisonMobile,
        liaisonPhone,
        effectiveOn,
      },
      errors,
    };
  }

  return { fileError, check };
}

/** Rows whose bank already has a contact effective that day (`existing`: "bankOrgId|YYYY-MM-DD"). */
export function existingContactErrors(drafts: readonly TContactDraft[], existing: ReadonlySet<string>): TRowError[] {
  const column = headerOf(CONTACT_COLUMNS as readonly TColumnSpec<TContactColumn>[], "effectiveOn");
  return drafts
    .filter((d) => existing.has(`${d.bankOrgId}|${d.effectiveOn}`))
    .map((d) => ({ row: d.row, column, code: "contactExists", params: { column, value: d.effectiveOn } }));
}

/** Errors in file order: by row, then as found. */
export function sortErrors(errors: TRowError[]): TRowError[] {
  return errors
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].row - b[0].row || a[1] - b[1])
    .map(([e]) => e);
}
