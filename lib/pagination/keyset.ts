/**
 * Keyset ("seek") pagination for the long lists (requests, inboxes, queues, the
 * enterprise registry).
 *
 * Why: OFFSET makes the database read and throw away every row before the page, and a
 * page count needs count(*) over the whole scope; both grow with the table. A keyset page
 * asks for "the next N rows after this row's sort key" instead, which an index that
 * matches the list's filter and order answers by reading about N rows, however deep the
 * page.
 *
 * The URL carries an opaque cursor: `after=<key of the last row shown>` for the next
 * page, `before=<key of the first row shown>` for the previous one (read with the order
 * reversed). A cursor is base64url of a JSON array `[segment, ...sort key]`, checked with
 * the list's zod schema; anything that does not parse is the first page, never an error
 * (a URL is untrusted input, and an old bookmark must still open the list).
 *
 * A list may be made of segments shown one after the other (the bank inbox: running
 * items by deadline, then recent answers); each has its own order and query, and the
 * cursor names the segment it points into. Most lists have one.
 *
 * Pure: the where and orderBy objects are plain Prisma-shaped data; the caller runs them.
 */
import { z } from "zod";

export type TSortDirection = "asc" | "desc";

/** One column of a sort key. A nullable column sorts its nulls last in the forward order. */
export type TKeyColumn = { field: string; direction: TSortDirection; nullable?: boolean };

export type TKeyValue = string | number | boolean | Date | null;

type TWhere = Record<string, unknown>;
type TOrderBy = Record<string, unknown>;

export type TPageCursor = { direction: "after" | "before"; token: string };

export type TKeysetQuery = {
  /** Rows strictly after (before, when reading backwards) the cursor's key; undefined: from the start (end). */
  where: TWhere | undefined;
  orderBy: TOrderBy[];
  take: number;
  /** Reading backwards (the previous page): orderBy is the list's order reversed. */
  reversed: boolean;
  /** The cursor's key that `where` was built from, for a reader that writes its own SQL. */
  key?: readonly TKeyValue[];
};

export type TKeysetSegment<TRow> = {
  columns: readonly TKeyColumn[];
  /** Validates a cursor's key values (JSON: dates arrive as ISO strings) and turns them back into typed values. */
  cursor: z.ZodType<TKeyValue[]>;
  keyOf: (row: TRow) => TKeyValue[];
  read: (query: TKeysetQuery) => Promise<TRow[]>;
};

export type TKeysetPage<TRow> = {
  rows: TRow[];
  /** Cursor tokens for the neighbouring pages; null when there is none. */
  next: string | null;
  previous: string | null;
};

// ───────────────────────── cursors ─────────────────────────

const MAX_TOKEN = 1_000;

export function encodeCursor(segment: number, key: readonly TKeyValue[]): string {
  const json = JSON.stringify([segment, ...key.map((v) => (v instanceof Date ? v.toISOString() : v))]);
  return Buffer.from(json, "utf8").toString("base64url");
}

/** The segment and typed key of a token, or null when it is not one of this list's cursors. */
export function decodeCursor(token: string, schemas: readonly z.ZodType<TKeyValue[]>[]): { segment: number; key: TKeyValue[] } | null {
  if (token.length === 0 || token.length > MAX_TOKEN || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(raw) || raw.length < 1) return null;
  const [segment, ...values] = raw as unknown[];
  if (typeof segment !== "number" || !Number.isInteger(segment) || segment < 0 || segment >= schemas.length) return null;
  const parsed = schemas[segment]!.safeParse(values);
  return parsed.success ? { segment, key: parsed.data } : null;
}

type TParams = URLSearchParams | Record<string, string | string[] | undefined>;

function param(params: TParams, name: string): string | undefined {
  const v = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The cursor of a list from the URL (`after` wins over `before`); null: the first page.
 * `prefix` tells two lists on one page apart (the bank inbox's copies: `copiesAfter`).
 */
export function parsePageCursor(params: TParams, prefix = ""): TPageCursor | null {
  const name = (d: "after" | "before") => (prefix ? `${prefix}${d[0]!.toUpperCase()}${d.slice(1)}` : d);
  for (const direction of ["after", "before"] as const) {
    const token = param(params, name(direction));
    if (token) return { direction, token: token.slice(0, MAX_TOKEN + 1) };
  }
  return null;
}

/** The URL parameter that carries a cursor token, for links (see parsePageCursor). */
export function cursorParam(direction: "after" | "before", prefix = ""): string {
  return prefix ? `${prefix}${direction[0]!.toUpperCase()}${direction.slice(1)}` : direction;
}

// Cursor key schemas for the usual column types.
export const keyDate = z.iso.datetime().transform((s) => new Date(s));
export const keyNullableDate = keyDate.nullable();
export const keyUuid = z.uuid();
export const keyText = z.string().max(200);

// ───────────────────────── where and order ─────────────────────────

/** The list's order (reversed: the same rows backwards, for the previous page). */
export function keysetOrderBy(columns: readonly TKeyColumn[], reversed = false): TOrderBy[] {
  return columns.map((c) => {
    const direction = reversed ? flip(c.direction) : c.direction;
    if (!c.nullable) return { [c.field]: direction };
    return { [c.field]: { sort: direction, nulls: reversed ? "first" : "last" } };
  });
}

const flip = (d: TSortDirection): TSortDirection => (d === "asc" ? "desc" : "asc");

/**
 * Rows strictly after `key` in the list's order (strictly before it when reversed):
 * (c1 > k1) OR (c1 = k1 AND c2 > k2) OR …, with nulls sorting last. When the first
 * column cannot be null, the same condition also bounds it (c1 >= k1) so the index on
 * the order can start its scan at the cursor instead of filtering from the top.
 */
export function keysetWhere(columns: readonly TKeyColumn[], key: readonly TKeyValue[], reversed = false): TWhere {
  if (key.length !== columns.length) throw new Error(`keyset: ${columns.length} columns, ${key.length} values`);
  const branches: TWhere[] = [];
  for (let i = 0; i < columns.length; i++) {
    const beyond = beyondValue(columns[i]!, key[i]!, reversed);
    if (beyond === null) continue;
    const equal = columns.slice(0, i).map((c, j) => ({ [c.field]: key[j] === null ? null : key[j] }));
    branches.push(equal.length === 0 ? beyond : { AND: [...equal, beyond] });
  }
  const first = columns[0]!;
  const bound =
    !first.nullable && key[0] !== null ? { [first.field]: { [(first.direction === "asc") !== reversed ? "gte" : "lte"]: key[0] } } : null;
  const after: TWhere = branches.length === 0 ? { [first.field]: { in: [] } } : branches.length === 1 ? branches[0]! : { OR: branches };
  return bound ? { AND: [bound, after] } : after;
}

// The rows beyond `value` in one column, or null when no row can be (nothing sorts after a null, which is last).
function beyondValue(column: TKeyColumn, value: TKeyValue, reversed: boolean): TWhere | null {
  const op = (column.direction === "asc") !== reversed ? "gt" : "lt";
  if (!column.nullable) return { [column.field]: { [op]: value } };
  if (!reversed) return value === null ? null : { OR: [{ [column.field]: { [op]: value } }, { [column.field]: null }] };
  return value === null ? { [column.field]: { not: null } } : { [column.field]: { [op]: value } };
}

// ───────────────────────── reading a page ─────────────────────────

/**
 * One page of a list made of `segments` (shown in this order), from the cursor: the
 * next `pageSize` rows after it, or the `pageSize` rows before it. A cursor that does not
 * decode, that points past the end, or a previous page that turns out to be the first
 * gives the first page, so a user always sees a full page from the top rather than an
 * empty or partial one.
 */
export async function readKeysetPage<TRow>(
  segments: readonly TKeysetSegment<TRow>[],
  cursor: TPageCursor | null,
  pageSize: number,
): Promise<TKeysetPage<TRow>> {
  const decoded = cursor
    ? decodeCursor(
        cursor.token,
        segments.map((s) => s.cursor),
      )
    : null;
  if (cursor && decoded) {
    if (cursor.direction === "after") {
      const page = await readForward(segments, decoded, pageSize);
      if (page.rows.length > 0) return page;
    } else {
      const page = await readBackward(segments, decoded, pageSize);
      if (page) return page;
    }
  }
  return readForward(segments, null, pageSize);
}

type TTagged<TRow> = { row: TRow; segment: number };

const tokenOf = <TRow>(segments: readonly TKeysetSegment<TRow>[], t: TTagged<TRow>) =>
  encodeCursor(t.segment, segments[t.segment]!.keyOf(t.row));

async function readForward<TRow>(
  segments: readonly TKeysetSegment<TRow>[],
  from: { segment: number; key: TKeyValue[] } | null,
  pageSize: number,
): Promise<TKeysetPage<TRow>> {
  const out: TTagged<TRow>[] = [];
  for (let s = from?.segment ?? 0; s < segments.length && out.length <= pageSize; s++) {
    const seg = segments[s]!;
    const key = from && s === from.segment ? from.key : undefined;
    const where = key ? keysetWhere(seg.columns, key) : undefined;
    const rows = await seg.read({ where, key, orderBy: keysetOrderBy(seg.columns), take: pageSize + 1 - out.length, reversed: false });
    out.push(...rows.map((row) => ({ row, segment: s })));
  }
  const shown = out.slice(0, pageSize);
  return {
    rows: shown.map((t) => t.row),
    next: out.length > pageSize ? tokenOf(segments, shown.at(-1)!) : null,
    previous: from && shown.length > 0 ? tokenOf(segments, shown[0]!) : null,
  };
}

// Null when the rows before the cursor do not fill a page: the caller shows the first page.
async function readBackward<TRow>(
  segments: readonly TKeysetSegment<TRow>[],
  from: { segment: number; key: TKeyValue[] },
  pageSize: number,
): Promise<TKeysetPage<TRow> | null> {
  const out: TTagged<TRow>[] = [];
  for (let s = from.segment; s >= 0 && out.length <= pageSize; s--) {
    const seg = segments[s]!;
    const key = s === from.segment ? from.key : undefined;
    const where = key ? keysetWhere(seg.columns, key, true) : undefined;
    const rows = await seg.read({ where, key, orderBy: keysetOrderBy(seg.columns, true), take: pageSize + 1 - out.length, reversed: true });
    out.push(...rows.map((row) => ({ row, segment: s })));
  }
  if (out.length < pageSize) return null;
  const shown = out.slice(0, pageSize).reverse();
  return {
    rows: shown.map((t) => t.row),
    next: tokenOf(segments, shown.at(-1)!),
    previous: out.length > pageSize ? tokenOf(segments, shown[0]!) : null,
  };
}

// ───────────────────────── a list under one filter ─────────────────────────

/** An empty page: the viewer's scope holds nothing, so the list is not read at all. */
export function emptyKeysetPage<TRow>(): TKeysetPage<TRow> {
  return { rows: [], next: null, previous: null };
}

/** The usual sort key of a list: newest `field` first, the id breaking ties. */
export function newestFirst<TField extends string>(field: TField) {
  const columns: readonly TKeyColumn[] = [
    { field, direction: "desc" },
    { field: "id", direction: "desc" },
  ];
  return {
    columns,
    cursor: z.tuple([keyDate, keyUuid]) as z.ZodType<TKeyValue[]>,
    keyOf: (row: Record<TField, Date> & { id: string }): TKeyValue[] => [row[field], row.id],
  };
}

/** What one read of a filtered list asks the database: the filter and the cursor's condition, the order, the size. */
export type TFilteredRead<TWhere, TOrderBy> = { where: TWhere; orderBy: TOrderBy[]; take: number };

export type TFilteredSegment<TRow, TWhere, TOrderBy> = Omit<TKeysetSegment<TRow>, "read"> & {
  /** The rows the list holds, whatever the page (the viewer's scope and the list's filters). */
  where: TWhere;
  /** Reads the rows for `args` (a findMany with the row's select, spread with the args). */
  find: (args: TFilteredRead<TWhere, TOrderBy>) => Promise<TRow[]>;
};

/**
 * A segment whose rows all match one filter: each read asks for the filter AND the cursor's
 * condition (the filter alone on the first page), so the index that leads with the filter's
 * columns and ends with the sort key serves every page.
 */
export function filteredSegment<TRow, TWhere, TOrderBy>({
  where,
  find,
  ...segment
}: TFilteredSegment<TRow, TWhere, TOrderBy>): TKeysetSegment<TRow> {
  return {
    ...segment,
    read: (q) =>
      find({
        where: (q.where ? { AND: [where, q.where] } : where) as TWhere,
        orderBy: q.orderBy as TOrderBy[],
        take: q.take,
      }),
  };
}

/** One page of a list made of one filtered segment (see filteredSegment and readKeysetPage). */
export function readFilteredPage<TRow, TWhere, TOrderBy>(
  segment: TFilteredSegment<TRow, TWhere, TOrderBy>,
  cursor: TPageCursor | null,
  pageSize: number,
): Promise<TKeysetPage<TRow>> {
  return readKeysetPage([filteredSegment(segment)], cursor, pageSize);
}

/** A page with its list's size (capped, see cappedCount) and the page size it was read with. */
export type TCountedPage<TRow> = TKeysetPage<TRow> & { total: TCappedCount; pageSize: number };

export function emptyCountedPage<TRow>(pageSize: number): TCountedPage<TRow> {
  return { ...emptyKeysetPage<TRow>(), total: cappedCount(0), pageSize };
}

/**
 * One page of a filtered list and, alongside, its size capped at COUNT_CAP: `count` gets
 * the list's filter and order with a limit just past the cap (cappedCountArgs), so it walks
 * the page's index and stops early.
 */
export async function readCountedPage<TRow, TWhere, TOrderBy>(
  segment: TFilteredSegment<TRow, TWhere, TOrderBy>,
  count: (args: TFilteredRead<TWhere, TOrderBy>) => Promise<number>,
  cursor: TPageCursor | null,
  pageSize: number,
): Promise<TCountedPage<TRow>> {
  const [page, total] = await Promise.all([
    readFilteredPage(segment, cursor, pageSize),
    count(cappedCountArgs<TWhere, TOrderBy>(segment.where, segment.columns)),
  ]);
  return { ...page, total: cappedCount(total), pageSize };
}

/**
 * Every row of a list up to `maxRows`, read in batches of `batch` rows, each batch after
 * the last row of the one before (`readBatch` builds that condition), so a large export
 * never reads through a deep OFFSET. One row past the cap is read only to know there are
 * more (`capped`).
 */
export async function readCappedBatches<TRow>(
  readBatch: (after: TRow | null, take: number) => Promise<TRow[]>,
  maxRows: number,
  batch = 5_000,
): Promise<{ rows: TRow[]; capped: boolean }> {
  const out: TRow[] = [];
  let after: TRow | null = null;
  for (;;) {
    const rows: TRow[] = await readBatch(after, Math.min(batch, maxRows + 1 - out.length));
    out.push(...rows);
    if (out.length > maxRows) {
      out.length = maxRows;
      return { rows: out, capped: true };
    }
    if (rows.length < batch) return { rows: out, capped: false };
    after = rows[rows.length - 1]!;
  }
}

// ───────────────────────── a list read as a union of branches ─────────────────────────

/**
 * Compares two sort keys in the list's order (nulls last), or in reverse (nulls first).
 * Text compares by code unit, which is the database's order only for ASCII text such as
 * serials: a merged list's text key columns must be ASCII.
 */
export function compareKeys(columns: readonly TKeyColumn[], a: readonly TKeyValue[], b: readonly TKeyValue[], reversed = false): number {
  for (let i = 0; i < columns.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    let c: number;
    if (x === null) c = 1;
    else if (y === null) c = -1;
    else {
      const [p, q] = x instanceof Date && y instanceof Date ? [x.getTime(), y.getTime()] : [x, y];
      c = p < q ? -1 : p > q ? 1 : 0;
      if (columns[i]!.direction === "desc") c = -c;
    }
    if (c !== 0) return reversed ? -c : c;
  }
  return 0;
}

/**
 * The rows of one keyset query over a list whose filter is a union of branches, each read
 * on its own and merged. Why: PostgreSQL cannot walk an index in order under an OR of
 * branches, so it sorts every matching row on each view; one branch at a time it reads
 * only the page's rows from an index that leads with the branch's equality column. Each
 * branch returns at most `take` rows in the query's order; the merge keeps the first `take`.
 */
export async function readMergedBranches<TRow>(
  query: TKeysetQuery,
  columns: readonly TKeyColumn[],
  keyOf: (row: TRow) => TKeyValue[],
  branches: readonly ((query: TKeysetQuery) => Promise<TRow[]>)[],
): Promise<TRow[]> {
  const lists = await Promise.all(branches.map((read) => read(query)));
  const keyed = lists.flat().map((row) => ({ row, key: keyOf(row) }));
  keyed.sort((a, b) => compareKeys(columns, a.key, b.key, query.reversed));
  return keyed.slice(0, query.take).map((k) => k.row);
}

/**
 * The rows of a merged read in the keys' order: the branches read only keys, then the
 * page's rows are read by id (in any order) and put back in the keys' order here.
 */
export function inKeyOrder<TRow extends { id: string }>(keys: readonly { id: string }[], rows: readonly TRow[]): TRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return keys.flatMap((k) => byId.get(k.id) ?? []);
}

// ───────────────────────── capped totals ─────────────────────────

/** Totals above this are shown as "1,000+": counting further would read the whole scope. */
export const COUNT_CAP = 1_000;

/** What a list shows as its size: exact up to COUNT_CAP, else "more than COUNT_CAP". */
export type TCappedCount = { value: number; capped: boolean };

/** The arguments of a capped count over a list's rows (see cappedCount): its filter, walked in its order, stopped past the cap. */
export function cappedCountArgs<TWhere, TOrderBy = Record<string, unknown>>(where: TWhere, columns: readonly TKeyColumn[]) {
  return { where, orderBy: keysetOrderBy(columns) as TOrderBy[], take: COUNT_CAP + 1 };
}

/**
 * A count that stops at COUNT_CAP + 1 rows (`count({ where, take })` is
 * `SELECT count(*) FROM (SELECT … LIMIT n)`): the caller passes the list's order too,
 * so the database walks the same index as the page and stops early, instead of scanning
 * the whole scope.
 */
export function cappedCount(n: number): TCappedCount {
  return n > COUNT_CAP ? { value: COUNT_CAP, capped: true } : { value: n, capped: false };
}

/** The parameters of a message that shows a capped count: `{capped, select, yes {{total, number}+} other {{total, number}}}`. */
export function cappedCountParams(count: TCappedCount): { total: number; capped: "yes" | "no" } {
  return { total: count.value, capped: count.capped ? "yes" : "no" };
}
