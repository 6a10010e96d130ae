import { BankLevel, EnterpriseSize, Role, SupportClass } from "@/lib/generated/prisma/enums";
import { cursorParam, type TPageCursor } from "@/lib/pagination/keyset";
import { isUuid } from "@/lib/ids";
import { normalizeUscc } from "./uscc";

// Rules of the registries (enterprises, parks, banks, guarantee companies): limits, list
// filters, who may change which field. Their input schemas are in schemas.ts. Pure: no
// Next, no Prisma client.

// ───────────────────────── industries (GB/T 4754-2017) ─────────────────────────

/** GB/T 4754-2017 sections (门类) A–T; their names are in the message files. */
export const INDUSTRY_SECTIONS = [
  "A",
  "B",
  "C",
  "D",
  "E",
  "F",
  "G",
  "H",
  "I",
  "J",
  "K",
  "L",
  "M",
  "N",
  "O",
  "P",
  "Q",
  "R",
  "S",
  "T",
] as const;
export type TIndustrySection = (typeof INDUSTRY_SECTIONS)[number];

export const ENTERPRISE_SIZES = [EnterpriseSize.LARGE, EnterpriseSize.MEDIUM, EnterpriseSize.SMALL, EnterpriseSize.MICRO] as const;

/** The divisions (大类, two digits) of each section (门类). */
export const SECTION_DIVISIONS: Readonly<Record<TIndustrySection, readonly [number, number]>> = Object.freeze({
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
});

/** Whether a two-digit division code belongs to the section. */
export function divisionInSection(section: string, division: string): boolean {
  if (!/^\d{2}$/.test(division) || !Object.hasOwn(SECTION_DIVISIONS, section)) return false;
  const [from, to] = SECTION_DIVISIONS[section as TIndustrySection];
  const n = Number(division);
  return n >= from && n <= to;
}

// ───────────────────────── enterprises ─────────────────────────

/** Recognitions a park records on an enterprise (filter and form choices). */
export const ENTERPRISE_TAGS = ["专精特新", "高新技术企业", "科技型中小企业", "专精特新“小巨人”"] as const;
export const SUPPORT_CLASSES = [SupportClass.A, SupportClass.B, SupportClass.C] as const;
export const CLASS_REASON_MIN = 5;
export const CLASS_REASON_MAX = 500;
export const TAG_MAX = 20;
export const TAGS_MAX = 10;
export const CREDIT_RATING_MAX = 16;
export const REGISTRY_PAGE_SIZE = 50;
/** An export holds at most this many rows (the program's whole enterprise list fits). */
export const REGISTRY_EXPORT_MAX_ROWS = 100_000;

export type TEnterpriseField =
  "uscc" | "name" | "parkId" | "industrySection" | "industryDivision" | "size" | "tags" | "creditRating" | "contactName" | "contactMobile";

// The enterprise itself keeps its description and contact up to date; the identity
// (USCC), recognitions and credit rating are what the park window verifies; moving an
// enterprise to another park is the finance office's decision.
const OWNER_FIELDS: readonly TEnterpriseField[] = ["name", "industrySection", "industryDivision", "size", "contactName", "contactMobile"];
const PARK_FIELDS: readonly TEnterpriseField[] = [...OWNER_FIELDS, "uscc", "tags", "creditRating"];
const ADMIN_FIELDS: readonly TEnterpriseField[] = [...PARK_FIELDS, "parkId"];

export function editableEnterpriseFields(role: Role): readonly TEnterpriseField[] {
  switch (role) {
    case Role.FINANCE_ADMIN:
      return ADMIN_FIELDS;
    case Role.PARK_STAFF:
      return PARK_FIELDS;
    case Role.ENTERPRISE_OWNER:
      return OWNER_FIELDS;
    default:
      return [];
  }
}

// ───────────────────────── list filters (page and export read the same) ─────────────────────────

export const STATUS_FILTERS = ["active", "inactive", "all"] as const;
export type TStatusFilter = (typeof STATUS_FILTERS)[number];

export type TEnterpriseFilters = {
  q: string;
  section: TIndustrySection | null;
  size: EnterpriseSize | null;
  tag: string | null;
  supportClass: SupportClass | "NONE" | null;
  status: TStatusFilter;
  parkId: string | null;
};

export type TOrgFilters = { q: string; status: TStatusFilter; level: BankLevel | null };

type TParams = URLSearchParams | Record<string, string | string[] | undefined>;

function param(params: TParams, name: string): string {
  const v = params instanceof URLSearchParams ? params.get(name) : params[name];
  return ((Array.isArray(v) ? v[0] : v) ?? "").trim();
}

function pick<T extends string>(value: string, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The enterprise list's filters from the query string; unknown values are ignored, not errors. */
export function parseEnterpriseFilters(params: TParams): TEnterpriseFilters {
  const supportClass = param(params, "class");
  const parkId = param(params, "park");
  return {
    q: param(params, "q").slice(0, 64),
    section: pick(param(params, "section"), INDUSTRY_SECTIONS),
    size: pick(param(params, "size"), ENTERPRISE_SIZES),
    tag: pick(param(params, "tag"), ENTERPRISE_TAGS),
    supportClass: supportClass === "NONE" ? "NONE" : pick(supportClass, SUPPORT_CLASSES),
    status: pick(param(params, "status"), STATUS_FILTERS) ?? "active",
    parkId: isUuid(parkId) ? parkId : null,
  };
}

export function parseOrgFilters(params: TParams): TOrgFilters {
  return {
    q: param(params, "q").slice(0, 64),
    status: pick(param(params, "status"), STATUS_FILTERS) ?? "active",
    level: pick(param(params, "level"), [BankLevel.HEAD_OFFICE, BankLevel.BRANCH, BankLevel.SUB_BRANCH]),
  };
}

/** The filters back as a query string (defaults left out), for links and the export; with a cursor, the page it names. */
export function filtersQuery(filters: Partial<TEnterpriseFilters & TOrgFilters>, cursor: TPageCursor | null = null): string {
  const out = new URLSearchParams();
  if (filters.q) out.set("q", filters.q);
  if (filters.section) out.set("section", filters.section);
  if (filters.size) out.set("size", filters.size);
  if (filters.tag) out.set("tag", filters.tag);
  if (filters.supportClass) out.set("class", filters.supportClass);
  if (filters.parkId) out.set("park", filters.parkId);
  if (filters.level) out.set("level", filters.level);
  if (filters.status && filters.status !== "active") out.set("status", filters.status);
  if (cursor) out.set(cursorParam(cursor.direction), cursor.token);
  return out.toString();
}

/** "Searching for a USCC": the query looks like (the start of) one, so match it by prefix. */
export function usccPrefix(q: string): string | null {
  const n = normalizeUscc(q);
  return /^[0-9A-HJ-NPQRTUWXY]{6,18}$/.test(n) && /\d/.test(n) ? n : null;
}

// ───────────────────────── organizations: parks, banks, guarantee companies ─────────────────────────

export const ORG_NAME_MAX = 100;
export const SHORT_NAME_MAX = 32;
export const PHONE_PATTERN = /^[0-9+\-() ]{5,20}$/;

const BANK_LEVEL_RANK: Record<BankLevel, number> = { HEAD_OFFICE: 0, BRANCH: 1, SUB_BRANCH: 2 };

/** A bank may sit only under a bank of a higher level (head office → branch → sub-branch). */
export function mayBeParentOf(parentLevel: BankLevel | null, childLevel: BankLevel | null): boolean {
  if (!childLevel) return false;
  if (!parentLevel) return true;
  return BANK_LEVEL_RANK[parentLevel] < BANK_LEVEL_RANK[childLevel];
}

export type TTreeNode = { id: string; parentId: string | null; name: string };

/**
 * Banks in hierarchy order (each parent followed by its children, names ascending) with
 * their depth. A bank whose parent is not in the list is shown as a root.
 */
export function orderAsTree<T extends TTreeNode>(rows: readonly T[]): Array<T & { depth: number }> {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, T[]>();
  for (const r of rows) {
    const key = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    children.set(key, [...(children.get(key) ?? []), r]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  const out: Array<T & { depth: number }> = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      if (seen.has(r.id)) continue; // a cycle in bad data
      seen.add(r.id);
      out.push({ ...r, depth });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
