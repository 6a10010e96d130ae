import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  cappedCount,
  decodeCursor,
  encodeCursor,
  keyDate,
  keyNullableDate,
  keysetOrderBy,
  keysetWhere,
  keyText,
  parsePageCursor,
  newestFirst,
  readCappedBatches,
  readCountedPage,
  readFilteredPage,
  readKeysetPage,
  readMergedBranches,
  type TFilteredRead,
  type TKeyColumn,
  type TKeysetQuery,
  type TKeysetSegment,
  type TKeyValue,
} from "./keyset";

// ── a tiny in-memory table for the where/orderBy subset keyset.ts produces ──
// It throws on anything else, so the tests check what a where selects, not how it is spelled.
type TRow = Record<string, TKeyValue>;

function matches(where: Record<string, unknown> | undefined, row: TRow): boolean {
  if (!where) return true;
  return Object.entries(where).every(([key, cond]) => {
    if (key === "AND") return (cond as Record<string, unknown>[]).every((w) => matches(w, row));
    if (key === "OR") return (cond as Record<string, unknown>[]).some((w) => matches(w, row));
    const v = row[key] ?? null;
    if (cond === null) return v === null;
    if (cond instanceof Date || typeof cond !== "object") return v !== null && cmp(v, cond as TKeyValue) === 0;
    return Object.entries(cond as Record<string, unknown>).every(([op, arg]) => {
      if (op === "not" && arg === null) return v !== null;
      if (op === "in") return (arg as TKeyValue[]).some((a) => v !== null && cmp(v, a) === 0);
      if (v === null) return false;
      const c = cmp(v, arg as TKeyValue);
      switch (op) {
        case "gt":
          return c > 0;
        case "gte":
          return c >= 0;
        case "lt":
          return c < 0;
        case "lte":
          return c <= 0;
        default:
          throw new Error(`operator ${op}`);
      }
    });
  });
}

function cmp(a: TKeyValue, b: TKeyValue): number {
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x! < y! ? -1 : x! > y! ? 1 : 0;
}

function sorted(rows: TRow[], orderBy: Record<string, unknown>[]): TRow[] {
  return [...rows].sort((a, b) => {
    for (const o of orderBy) {
      const [field, spec] = Object.entries(o)[0]!;
      const { sort, nulls } =
        typeof spec === "string" ? { sort: spec, nulls: spec === "asc" ? "last" : "first" } : (spec as { sort: string; nulls: string });
      const x = a[field] ?? null;
      const y = b[field] ?? null;
      if (x === null || y === null) {
        if (x === y) continue;
        return (x === null) === (nulls === "last") ? 1 : -1;
      }
      const c = cmp(x, y);
      if (c !== 0) return sort === "asc" ? c : -c;
    }
    return 0;
  });
}

const table = (rows: TRow[]) => (q: TKeysetQuery) =>
  Promise.resolve(
    sorted(
      rows.filter((r) => matches(q.where, r)),
      q.orderBy,
    ).slice(0, q.take),
  );

// Due dates with ties and nulls, like the supervision queue's order.
const day = (d: number) => new Date(Date.UTC(2026, 4, d));
const ROWS: TRow[] = Array.from({ length: 23 }, (_, i) => ({
  serial: `RQ-${String(i).padStart(3, "0")}`,
  dueAt: i % 5 === 0 ? null : day(1 + (i % 4)),
  escalatedAt: i % 3 === 0 ? null : day(10 + (i % 2)),
}));
const COLUMNS: TKeyColumn[] = [
  { field: "dueAt", direction: "asc", nullable: true },
  { field: "escalatedAt", direction: "desc", nullable: true },
  { field: "serial", direction: "asc" },
];
const segment = (rows: TRow[], columns: TKeyColumn[] = COLUMNS): TKeysetSegment<TRow> => ({
  columns,
  cursor: z.tuple([keyNullableDate, keyNullableDate, keyText]),
  keyOf: (r) => columns.map((c) => r[c.field] ?? null),
  read: table(rows),
});
const serials = (rows: TRow[]): string[] => rows.map((r) => r.serial as string);

describe("readKeysetPage", () => {
  const all = serials(sorted(ROWS, keysetOrderBy(COLUMNS)));

  it("walks forward page by page through every row once, in the list's order (nulls last)", async () => {
    const seen: string[] = [];
    let cursor: { direction: "after"; token: string } | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Awaited<ReturnType<typeof readKeysetPage<TRow>>> = await readKeysetPage([segment(ROWS)], cursor, 5);
      seen.push(...serials(page.rows));
      expect(page.previous === null).toBe(i === 0);
      if (!page.next) break;
      cursor = { direction: "after", token: page.next };
    }
    expect(seen).toEqual(all);
  });

  it("walks back from the last page to the first with the previous links", async () => {
    let page = await readKeysetPage([segment(ROWS)], null, 5);
    while (page.next) page = await readKeysetPage([segment(ROWS)], { direction: "after", token: page.next }, 5);
    const back: string[][] = [serials(page.rows)];
    while (page.previous) {
      page = await readKeysetPage([segment(ROWS)], { direction: "before", token: page.previous }, 5);
      back.unshift(serials(page.rows));
    }
    // The way back ends on the first page, full, with no previous link.
    expect(back[0]).toEqual(all.slice(0, 5));
    expect(
      back
        .flat()
        .filter((s, i, list) => list.indexOf(s) === i)
        .sort(),
    ).toEqual([...all].sort());
  });

  it("gives the first page for a cursor that does not decode, points past the end, or whose previous page is short", async () => {
    const first = serials((await readKeysetPage([segment(ROWS)], null, 5)).rows);
    for (const token of [
      "",
      "!!!",
      "bm90IGpzb24",
      encodeCursor(3, ["x"]),
      encodeCursor(0, ["nonsense", null, "x"]),
      Buffer.from("[0]").toString("base64url"),
    ]) {
      expect(serials((await readKeysetPage([segment(ROWS)], { direction: "after", token }, 5)).rows)).toEqual(first);
    }
    const past = encodeCursor(0, [null, null, "ZZZ"]);
    expect(serials((await readKeysetPage([segment(ROWS)], { direction: "after", token: past }, 5)).rows)).toEqual(first);
    const second = encodeCursor(0, [
      ROWS.find((r) => r.serial === all[2])!.dueAt ?? null,
      ROWS.find((r) => r.serial === all[2])!.escalatedAt ?? null,
      all[2]!,
    ]);
    const page = await readKeysetPage([segment(ROWS)], { direction: "before", token: second }, 5);
    expect(serials(page.rows)).toEqual(first);
    expect(page.previous).toBeNull();
  });

  it("continues from one segment into the next, forward and back", async () => {
    const running = ROWS.slice(0, 7);
    const answered = ROWS.slice(7, 12);
    const segments = [segment(running), segment(answered)];
    const expected = [...serials(sorted(running, keysetOrderBy(COLUMNS))), ...serials(sorted(answered, keysetOrderBy(COLUMNS)))];
    const p1 = await readKeysetPage(segments, null, 5);
    const p2 = await readKeysetPage(segments, { direction: "after", token: p1.next! }, 5);
    const p3 = await readKeysetPage(segments, { direction: "after", token: p2.next! }, 5);
    expect([...serials(p1.rows), ...serials(p2.rows), ...serials(p3.rows)]).toEqual(expected);
    expect(p3.next).toBeNull();
    const back = await readKeysetPage(segments, { direction: "before", token: p3.previous! }, 5);
    expect(serials(back.rows)).toEqual(serials(p2.rows));
  });
});

describe("readMergedBranches", () => {
  // The same rows split into three branches, each read on its own in the list's order.
  const branches = [0, 1, 2].map((b) => table(ROWS.filter((_, i) => i % 3 === b)));
  const merged: TKeysetSegment<TRow> = { ...segment(ROWS), read: (q) => readMergedBranches(q, COLUMNS, segment(ROWS).keyOf, branches) };

  it("pages forward and back exactly as one read of the union does", async () => {
    const pages = async (seg: TKeysetSegment<TRow>) => {
      const forward: string[][] = [];
      let page = await readKeysetPage([seg], null, 4);
      forward.push(serials(page.rows));
      while (page.next) {
        page = await readKeysetPage([seg], { direction: "after", token: page.next }, 4);
        forward.push(serials(page.rows));
      }
      const back: string[][] = [];
      while (page.previous) {
        page = await readKeysetPage([seg], { direction: "before", token: page.previous }, 4);
        back.push(serials(page.rows));
      }
      return { forward, back };
    };
    const union = await pages(segment(ROWS));
    expect(await pages(merged)).toEqual(union);
    expect(union.forward.flat()).toEqual(serials(sorted(ROWS, keysetOrderBy(COLUMNS))));
  });
});

describe("keysetWhere", () => {
  it("bounds a non-null first column so an index can start at the cursor", () => {
    const columns: TKeyColumn[] = [
      { field: "updatedAt", direction: "desc" },
      { field: "id", direction: "desc" },
    ];
    const at = new Date("2026-05-01T00:00:00Z");
    expect(keysetWhere(columns, [at, "b"])).toEqual({
      AND: [{ updatedAt: { lte: at } }, { OR: [{ updatedAt: { lt: at } }, { AND: [{ updatedAt: at }, { id: { lt: "b" } }] }] }],
    });
    expect(keysetWhere(columns, [at, "b"], true)).toEqual({
      AND: [{ updatedAt: { gte: at } }, { OR: [{ updatedAt: { gt: at } }, { AND: [{ updatedAt: at }, { id: { gt: "b" } }] }] }],
    });
  });
});

describe("cursors", () => {
  it("round-trip typed keys, and refuse anything else", () => {
    const schema = z.tuple([keyDate, keyText]);
    const at = new Date("2026-05-01T08:00:00.123Z");
    expect(decodeCursor(encodeCursor(0, [at, "RQ-1"]), [schema])).toEqual({ segment: 0, key: [at, "RQ-1"] });
    expect(decodeCursor(encodeCursor(1, [at, "RQ-1"]), [schema])).toBeNull();
    expect(decodeCursor(encodeCursor(0, ["yesterday", "RQ-1"]), [schema])).toBeNull();
    expect(decodeCursor("a".repeat(2000), [schema])).toBeNull();
    expect(decodeCursor("e30", [schema])).toBeNull(); // {}
  });

  it("are read from the URL, with a prefix for a second list on the page", () => {
    expect(parsePageCursor({ after: "x", before: "y" })).toEqual({ direction: "after", token: "x" });
    expect(parsePageCursor({ before: ["y", "z"] })).toEqual({ direction: "before", token: "y" });
    expect(parsePageCursor({ copiesAfter: "c" }, "copies")).toEqual({ direction: "after", token: "c" });
    expect(parsePageCursor({ after: "x" }, "copies")).toBeNull();
    expect(parsePageCursor(new URLSearchParams("page=3"))).toBeNull();
  });

  it("cap totals at 1,000", () => {
    expect(cappedCount(12)).toEqual({ value: 12, capped: false });
    expect(cappedCount(1000)).toEqual({ value: 1000, capped: false });
    expect(cappedCount(1001)).toEqual({ value: 1000, capped: true });
  });
});

describe("a list under one filter", () => {
  type TRow = { id: string; at: Date };
  const ids = Array.from({ length: 5 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
  const rows: TRow[] = ids.map((id, i) => ({ id, at: new Date(Date.UTC(2026, 0, 10 - i)) }));

  it("asks for the filter alone on the first page and the filter AND the cursor's condition after it", async () => {
    const asked: TFilteredRead<Record<string, unknown>, unknown>[] = [];
    const segment = {
      ...newestFirst("at"),
      where: { parkId: "p" },
      find: async (q: TFilteredRead<Record<string, unknown>, unknown>) => {
        asked.push(q);
        return rows.slice(asked.length === 1 ? 0 : 2, (asked.length === 1 ? 0 : 2) + q.take);
      },
    };
    const first = await readFilteredPage(segment, null, 2);
    expect(first.rows.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(asked[0]).toEqual({ where: { parkId: "p" }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 3 });
    await readFilteredPage(segment, { direction: "after", token: first.next! }, 2);
    expect(asked[1]!.where).toEqual({ AND: [{ parkId: "p" }, keysetWhere(newestFirst("at").columns, [rows[1]!.at, rows[1]!.id])] });
  });

  it("counts with the list's filter and order, stopping past the cap", async () => {
    let counted: unknown;
    const page = await readCountedPage(
      { ...newestFirst("at"), where: { parkId: "p" }, find: async () => rows.slice(0, 1) },
      async (q) => {
        counted = q;
        return 1001;
      },
      null,
      25,
    );
    expect(counted).toEqual({ where: { parkId: "p" }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 1001 });
    expect(page.total).toEqual({ value: 1000, capped: true });
    expect(page.pageSize).toBe(25);
  });

  it("reads an export in batches after the last row, stopping at the cap", async () => {
    const afters: (TRow | null)[] = [];
    const read = (max: number) =>
      readCappedBatches<TRow>(
        async (after, take) => {
          afters.push(after);
          const from = after ? rows.indexOf(after) + 1 : 0;
          return rows.slice(from, from + take);
        },
        max,
        2,
      );
    expect(await read(10)).toEqual({ rows, capped: false });
    expect(afters).toEqual([null, rows[1], rows[3]]);
    expect(await read(3)).toEqual({ rows: rows.slice(0, 3), capped: true });
  });
});
