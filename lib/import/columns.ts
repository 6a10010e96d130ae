/**
 * The two import file formats. Column headers are part of the file format, not of the
 * interface: the template's header row is Chinese whatever language the user reads the
 * portal in, and a file is recognized by these headers (or an alias) in any order.
 * A header may carry a "*" (required) or a note in brackets: "*企业规模（大/中/小/微）".
 *
 * Pure: no I/O.
 */

export type TColumnSpec<K extends string = string> = {
  key: K;
  /** The template's header (Chinese, without the "*"). */
  header: string;
  aliases: readonly string[];
  /** The value is required (the column too, unless the validator says otherwise). */
  required: boolean;
  /** Width in the template, in characters. */
  width: number;
};

export const ENTERPRISE_COLUMNS = [
  { key: "uscc", header: "统一社会信用代码", aliases: ["社会信用代码", "信用代码", "USCC"], required: true, width: 24 },
  { key: "name", header: "企业名称", aliases: ["企业全称", "名称"], required: true, width: 36 },
  { key: "park", header: "所在园区", aliases: ["园区", "园区名称", "园区代码"], required: true, width: 28 },
  { key: "industry", header: "行业门类", aliases: ["行业", "所属行业", "国民经济行业门类", "行业门类代码"], required: true, width: 22 },
  { key: "size", header: "企业规模", aliases: ["规模"], required: true, width: 12 },
  { key: "contactName", header: "联系人", aliases: ["联系人姓名"], required: false, width: 12 },
  { key: "contactMobile", header: "联系人手机号", aliases: ["联系人手机", "手机号", "手机号码"], required: false, width: 16 },
  { key: "tags", header: "企业标签", aliases: ["标签"], required: false, width: 28 },
] as const satisfies readonly TColumnSpec[];

export type TEnterpriseColumn = (typeof ENTERPRISE_COLUMNS)[number]["key"];

export const CONTACT_COLUMNS = [
  { key: "bank", header: "银行机构", aliases: ["银行", "银行名称", "机构名称"], required: true, width: 32 },
  { key: "firstName", header: "第一责任人姓名", aliases: ["第一责任人"], required: true, width: 14 },
  { key: "firstTitle", header: "第一责任人职务", aliases: [], required: true, width: 14 },
  { key: "firstMobile", header: "第一责任人手机号", aliases: ["第一责任人手机"], required: false, width: 16 },
  { key: "secondName", header: "第二责任人姓名", aliases: ["第二责任人"], required: true, width: 14 },
  { key: "secondTitle", header: "第二责任人职务", aliases: [], required: true, width: 16 },
  { key: "secondMobile", header: "第二责任人手机号", aliases: ["第二责任人手机"], required: false, width: 16 },
  { key: "department", header: "联系部门", aliases: ["部门"], required: true, width: 18 },
  { key: "liaisonName", header: "联络员姓名", aliases: ["联络员"], required: true, width: 12 },
  { key: "liaisonMobile", header: "联络员手机号", aliases: ["联络员手机"], required: false, width: 16 },
  { key: "liaisonPhone", header: "联络员办公电话", aliases: ["联络员电话", "办公电话"], required: false, width: 18 },
  { key: "effectiveOn", header: "生效日期", aliases: ["变更生效日期"], required: true, width: 14 },
] as const satisfies readonly TColumnSpec[];

export type TContactColumn = (typeof CONTACT_COLUMNS)[number]["key"];

/** "*企业规模（大/中/小/微）" → "企业规模"; full-width letters folded, case ignored. */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\([^)]*\)/g, "")
    .replace(/[\s*]/g, "")
    .toLowerCase();
}

export type THeaderMap<K extends string> = {
  /** Column index of each key found. */
  index: Partial<Record<K, number>>;
  /** Template headers of required columns that are missing. */
  missing: string[];
  /** Headers that appear twice. */
  duplicated: string[];
};

/** Which column holds which field; `optional` lists keys whose column may be left out. */
export function mapHeader<K extends string>(
  header: readonly string[],
  specs: readonly TColumnSpec<K>[],
  optional: readonly K[] = [],
): THeaderMap<K> {
  const byName = new Map<string, K>();
  for (const spec of specs) for (const name of [spec.header, ...spec.aliases]) byName.set(normalizeHeader(name), spec.key);
  const index: Partial<Record<K, number>> = {};
  const duplicated: string[] = [];
  header.forEach((text, i) => {
    const key = byName.get(normalizeHeader(text));
    if (key === undefined) return;
    if (index[key] !== undefined) duplicated.push(text);
    else index[key] = i;
  });
  const missing = specs.filter((s) => s.required && index[s.key] === undefined && !optional.includes(s.key)).map((s) => s.header);
  return { index, missing, duplicated };
}
