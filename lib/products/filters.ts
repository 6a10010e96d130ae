/**
 * The catalogue's filters, read from the URL (untrusted): anything that does not parse
 * is ignored rather than an error, so a hand-edited link still shows a catalogue. Pure:
 * the pages, the query and the tests share it.
 */
import { isProductKind, TERM_MONTHS_MAX, type TProductKind } from "./rules";
import { isUuid } from "@/lib/ids";
import { parseWanYuan } from "@/lib/validation/wan-yuan";

export const PRODUCT_PAGE_SIZE = 12;
const MAX_QUERY = 40;
const MAX_PAGE = 1_000;

/** credit: needs no collateral (信用); secured: collateral or a guarantee is required. */
export const SECURITY_FILTERS = ["credit", "secured"] as const;
export type TSecurityFilter = (typeof SECURITY_FILTERS)[number];

export type TProductFilters = {
  kind: TProductKind | null;
  bankOrgId: string | null;
  /** The amount the enterprise needs, in fen (decimal string); the product's range must hold it. */
  amountFen: string | null;
  /** The term it needs, in months; the product's range must hold it. */
  termMonths: number | null;
  security: TSecurityFilter | null;
  q: string;
  page: number;
};

type TParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim();

/** "50" or "50.5" 万元 (parseWanYuan: full-width folded, up to 2 decimals) → fen as a decimal string. */
export function wanToFenText(raw: string | undefined): string | null {
  const parsed = parseWanYuan(raw ?? "");
  return parsed.ok ? parsed.fen : null;
}

export function parseProductFilters(params: TParams): TProductFilters {
  const kind = first(params.kind);
  const bank = first(params.bank);
  const term = first(params.term) ?? "";
  const termMonths = /^\d{1,3}$/.test(term) ? Number(term) : NaN;
  const security = first(params.security);
  const page = Number.parseInt(first(params.page) ?? "1", 10);
  return {
    kind: isProductKind(kind) ? kind : null,
    bankOrgId: bank && isUuid(bank) ? bank.toLowerCase() : null,
    amountFen: wanToFenText(first(params.amount)),
    termMonths: termMonths >= 1 && termMonths <= TERM_MONTHS_MAX ? termMonths : null,
    security: (SECURITY_FILTERS as readonly string[]).includes(security ?? "") ? (security as TSecurityFilter) : null,
    q: (first(params.q) ?? "").slice(0, MAX_QUERY),
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The 万元 text of a fen amount for the filter field: "500000000" → "500", "505000" → "0.51"… */
function fenToWanText(fen: string): string {
  const value = BigInt(fen);
  const cents = ((value % 1_000_000n) / 10_000n).toString().padStart(2, "0").replace(/0+$/, "");
  return cents ? `${value / 1_000_000n}.${cents}` : (value / 1_000_000n).toString();
}

/** The filters as the form's field values (what the user typed, normalized). */
export function productFilterValues(filters: TProductFilters): Record<"kind" | "bank" | "amount" | "term" | "security" | "q", string> {
  return {
    kind: filters.kind ?? "",
    bank: filters.bankOrgId ?? "",
    amount: filters.amountFen ? fenToWanText(filters.amountFen) : "",
    term: filters.termMonths?.toString() ?? "",
    security: filters.security ?? "",
    q: filters.q,
  };
}

/** True when any filter narrows the catalogue (the empty state then says "change the filters"). */
export function isFiltered(filters: TProductFilters): boolean {
  return Object.values(productFilterValues(filters)).some((v) => v !== "");
}

/** The query string of the same filters on another page (empty values left out). */
export function productListQuery(filters: TProductFilters, page: number): string {
  const entries = Object.entries(productFilterValues(filters)).filter(([, v]) => v !== "");
  if (page > 1) entries.push(["page", String(page)]);
  return new URLSearchParams(entries).toString();
}
