/**
 * The filters of the request list, read from the URL (untrusted): an unknown status or
 * type is ignored rather than an error, the search is trimmed and capped, the page is a
 * keyset cursor (lib/pagination/keyset.ts; one that does not decode is the first page).
 * Pure: the page and its tests share it.
 */
import { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { cursorParam, parsePageCursor, type TPageCursor } from "@/lib/pagination/keyset";
import { isUuid } from "@/lib/ids";

export const REQUEST_PAGE_SIZE = 20;
const MAX_QUERY = 64;

export type TRequestListFilters = {
  status: RequestStatus | null;
  type: RequestType | null;
  q: string;
  /** Where the page starts (null: the first page). */
  cursor: TPageCursor | null;
  /** A bank (with its branches and sub-branches): the dashboards' "overdue by bank" links. */
  bank?: string | null;
  park?: string | null;
  /** Only items whose reply deadline has passed without an answer. */
  overdue?: boolean;
};

const uuidOrNull = (v: string | undefined) => (v !== undefined && isUuid(v) ? v.toLowerCase() : null);

type TParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function oneOf<T extends string>(values: Record<string, T>, raw: string | undefined): T | null {
  return raw !== undefined && Object.hasOwn(values, raw) ? values[raw]! : null;
}

export function parseRequestListFilters(params: TParams): TRequestListFilters {
  return {
    status: oneOf(RequestStatus, first(params.status)),
    type: oneOf(RequestType, first(params.type)),
    q: (first(params.q) ?? "").trim().slice(0, MAX_QUERY),
    cursor: parsePageCursor(params),
    ...(uuidOrNull(first(params.bank)) ? { bank: uuidOrNull(first(params.bank)) } : {}),
    ...(uuidOrNull(first(params.park)) ? { park: uuidOrNull(first(params.park)) } : {}),
    ...(first(params.overdue) === "1" ? { overdue: true } : {}),
  };
}

/** The query string of the same filters, on the page a cursor names (none: the first page; empty values left out). */
export function requestListQuery(filters: TRequestListFilters, cursor: TPageCursor | null = null): string {
  const entries: [string, string][] = [];
  if (filters.status) entries.push(["status", filters.status]);
  if (filters.type) entries.push(["type", filters.type]);
  if (filters.q) entries.push(["q", filters.q]);
  if (filters.bank) entries.push(["bank", filters.bank]);
  if (filters.park) entries.push(["park", filters.park]);
  if (filters.overdue) entries.push(["overdue", "1"]);
  if (cursor) entries.push([cursorParam(cursor.direction), cursor.token]);
  return new URLSearchParams(entries).toString();
}
