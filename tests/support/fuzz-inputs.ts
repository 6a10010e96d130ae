/**
 * Generated hostile inputs for the fuzz tests of the action schemas and the server
 * actions (fast-check arbitraries). A server action is a public HTTP endpoint: its caller
 * may send any form fields, or, through React's reply encoding, any serializable value
 * (objects, arrays, Dates, BigInts, Maps, Files). The inputs mix three kinds so that
 * validation is attacked and the handlers behind it are reached too:
 *   - anything at all (fc.anything()): wrong types, nested objects, prototype keys;
 *   - the schema's own field names filled with hostile values: NUL and other control
 *     characters, lone surrogates, megabyte strings, impossible dates, NaN, ±Infinity,
 *     numbers past the integer range, SQL and path fragments;
 *   - the same field names filled with plausible values (ids that exist, small versions,
 *     real calendar days, enum members), which pass validation and reach the database;
 *   - every field plausible but one hostile (nearlyValidObject), which gets past the parts
 *     of validation that the other kinds rarely satisfy all at once.
 *
 * FUZZ_RUNS multiplies every run count (the nightly job sets it; scripts/fuzz-nightly.ts),
 * FUZZ_SEED replays a run whose seed a failure printed.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { z } from "zod";
import { makeUscc } from "@/lib/registry/uscc";
import { ROOT } from "./server-actions";

export function fuzzMultiplier(): number {
  const n = Number(process.env.FUZZ_RUNS ?? "1");
  return Number.isFinite(n) && n > 0 ? n : 1;
}

export function fuzzSeed(): number | undefined {
  const raw = process.env.FUZZ_SEED;
  return raw && /^-?\d+$/.test(raw) ? Number(raw) : undefined;
}

// ── What a schema expects, read from zod's own definition ──

export type TShape =
  | { kind: "object"; fields: Record<string, TShape> }
  | { kind: "array"; element: TShape }
  | { kind: "choice"; values: readonly unknown[] }
  | { kind: "union"; options: TShape[] }
  | { kind: "leaf"; type: string };

type TDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
};

const defOf = (schema: z.ZodType): TDef => (schema as unknown as { _zod: { def: TDef } })._zod.def;

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional", "success"]);

/** The shape a schema accepts, following wrappers, pipes (z.preprocess) and unions. */
export function shapeOf(schema: z.ZodType, depth = 0): TShape {
  if (depth > 12) return { kind: "leaf", type: "unknown" };
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return shapeOf(def.innerType, depth + 1);
  switch (def.type) {
    case "object":
      return {
        kind: "object",
        fields: Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, field]) => [key, shapeOf(field, depth + 1)])),
      };
    case "pipe": {
      // z.preprocess is a pipe from a transform: the accepted shape is on the way out.
      const first = shapeOf(def.in!, depth + 1);
      return first.kind === "leaf" && (first.type === "transform" || first.type === "unknown" || first.type === "any")
        ? shapeOf(def.out!, depth + 1)
        : first;
    }
    case "array":
      return { kind: "array", element: shapeOf(def.element!, depth + 1) };
    case "enum":
      return { kind: "choice", values: Object.values(def.entries ?? {}) };
    case "literal":
      return { kind: "choice", values: def.values ?? [] };
    case "union":
      return { kind: "union", options: (def.options ?? []).map((o) => shapeOf(o, depth + 1)) };
    case "intersection": {
      const l = shapeOf(def.left!, depth + 1);
      const r = shapeOf(def.right!, depth + 1);
      return l.kind === "object" && r.kind === "object" ? { kind: "object", fields: { ...l.fields, ...r.fields } } : l;
    }
    case "lazy":
      return def.getter ? shapeOf(def.getter(), depth + 1) : { kind: "leaf", type: "unknown" };
    default:
      return { kind: "leaf", type: def.type };
  }
}

/** Top-level field names of a shape (object, or the objects of a union). */
export function fieldNames(shape: TShape): string[] {
  if (shape.kind === "object") return Object.keys(shape.fields);
  if (shape.kind === "union") return [...new Set(shape.options.flatMap(fieldNames))];
  return [];
}

/**
 * Every field name the portal's forms post (name="…" in app/ and components/): schemas
 * that take a free record (the program forms) read their fields by these names.
 */
export function formFieldNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith(".tsx")) {
        for (const m of readFileSync(full, "utf8").matchAll(/\bname="([A-Za-z][\w.[\]]*)"/g)) names.add(m[1]!);
      }
    }
  };
  walk(path.join(ROOT, "app"));
  walk(path.join(ROOT, "components"));
  return [...names].sort();
}

// ── Hostile values ──

const HUGE = "融".repeat(300_000); // ~900 KB of UTF-8, just under the 1 MB action body limit
const LONG_DIGITS = "9".repeat(400);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 64 }), // any code point, NUL and controls included
  fc.string({ unit: "grapheme", maxLength: 32 }),
  fc.string({
    unit: fc.constantFrom(
      "\u0000",
      "\u0007",
      "\u001b",
      "\u007f",
      "\u0085",
      "\ud800",
      "\udfff",
      "\u200b",
      "\u202e",
      "\ufeff",
      "a",
      "0",
      " ",
    ),
    maxLength: 16,
  }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "9999-99-99",
    "2027-02-30",
    "0000-00-00",
    "1899-12-31",
    "2101-01-01",
    "275760-09-13",
    "-000001-01-01",
    "2026-13-01",
    "2026-1-1",
    "2026-03-05T25:61:61Z",
    "NaN",
    "Infinity",
    "-Infinity",
    "-0",
    "1e309",
    "-1",
    "0x1F",
    "1_000",
    "１２３",
    "3.14159265358979323846",
    LONG_DIGITS,
    `-${LONG_DIGITS}`,
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "' OR 1=1 --",
    '\'; DROP TABLE "User"; --',
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "__proto__",
    "constructor",
    "toString",
    "on",
    "true",
    "false",
    "null",
    "undefined",
    "[]",
    "{}",
    '{"__proto__":{"polluted":1}}',
    "2026Q5",
    "2026-Q0",
    "\u202e\u0627\u0644",
    "𠜎𠜱𠝹𠱓",
    "A".repeat(10_000),
    HUGE,
  ),
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER - 2,
    2 ** 31,
    -(2 ** 31) - 1,
    1e308,
    5e-324,
  ),
);

const hostileOther: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    new Date(Number.NaN),
    new Date(8.64e15),
    new Date(-8.64e15),
    10n ** 40n,
    -1n,
    [],
    {},
    Object.create(null) as object,
    new Map([["a", 1]]),
    new Set([1]),
    new Blob(["\u0000"]),
    new File(["x"], "../x.pdf", { type: "application/pdf" }),
  ),
  fc.date({ noInvalidDate: false }),
  fc.bigInt(),
  fc.anything({
    maxDepth: 3,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
  }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 2, arbitrary: hostileOther },
);

// ── Plausible values, so some inputs pass validation and reach the handler ──

export type TPlausible = {
  /** Ids that exist in the database under test (the integration test fills it). */
  ids: readonly string[];
};

const plausibleDay = fc
  .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

// Text a person would type: Chinese and Latin letters, digits, no control characters.
const typedText = fc
  .string({ unit: fc.constantFrom(..."融桥贷款申请企业银行园区担保流动资金采购原材料说明abcXYZ0123 "), minLength: 6, maxLength: 40 })
  .map((t) => `融${t.trim()}桥`);
const GOOD_PASSWORD = "Qiao#Bridge2026";

function plausibleFor(key: string, plausible: TPlausible): fc.Arbitrary<unknown> {
  const ids = plausible.ids.length > 0 ? fc.constantFrom(...plausible.ids) : fc.uuid();
  const k = key.toLowerCase();
  if (k.includes("password")) return fc.constant(GOOD_PASSWORD);
  if (k === "uscc")
    return fc
      .integer({ min: 0, max: 2 ** 31 })
      .map((n) => makeUscc({ next: () => ((n = (n * 1103515245 + 12345) % 2 ** 31), n / 2 ** 31) }));
  if (k.includes("mobile")) return fc.integer({ min: 0, max: 99_999_999 }).map((n) => `139${String(n).padStart(8, "0")}`);
  if (k.includes("phone")) return fc.integer({ min: 0, max: 9_999_999 }).map((n) => `0731-${String(n).padStart(7, "0")}`);
  if (k.includes("email")) return fc.nat(99_999).map((n) => `fuzz${n}@example.cn`);
  if (k === "account" || k === "login") return fc.nat(9_999_999).map((n) => `fuzz.${n}`);
  if (k === "code") return fc.nat(999_999).map((n) => String(n).padStart(6, "0"));
  if (k.endsWith("id") || k.endsWith("ids")) return fc.oneof({ weight: 4, arbitrary: ids }, { weight: 1, arbitrary: fc.uuid() });
  if (k.includes("version")) return fc.oneof(fc.nat(6), fc.nat(6).map(String));
  if (k.includes("year")) return fc.integer({ min: 2024, max: 2028 }).map(String);
  if (k.includes("quarter"))
    return fc.oneof(
      fc.integer({ min: 1, max: 4 }).map(String),
      fc.integer({ min: 1, max: 4 }).map((q) => `2026Q${q}`),
    );
  if (k.includes("date") || k.endsWith("on") || k.endsWith("by") || k.includes("day") || k === "from" || k === "to") return plausibleDay;
  if (k.includes("month") || k.includes("term") || k.includes("days") || k.includes("count"))
    return fc.integer({ min: 1, max: 36 }).map(String);
  if (k.includes("rate") || k.endsWith("bp")) return fc.integer({ min: 100, max: 999 }).map((n) => (n / 100).toFixed(2));
  if (k.includes("amount") || k.includes("fen"))
    return fc.oneof(
      fc.integer({ min: 1, max: 10_000 }).map(String),
      fc.integer({ min: 1, max: 99_999 }).map((n) => (n / 100).toFixed(2)),
    );
  return fc.oneof({ weight: 3, arbitrary: typedText }, fc.nat(100).map(String), fc.constantFrom("on", "true", ""));
}

/** A value a correct form would likely send for this field: an enum member, or plausible for its name. */
function typicalValue(key: string, shape: TShape, plausible: TPlausible, depth: number): fc.Arbitrary<unknown> {
  if (shape.kind === "choice" && shape.values.length > 0) return fc.constantFrom(...shape.values);
  if (shape.kind === "union" && shape.options.length > 0)
    return fc.oneof(...shape.options.map((o) => typicalValue(key, o, plausible, depth + 1)));
  if (depth < 3 && shape.kind === "array") return fc.array(typicalValue(key, shape.element, plausible, depth + 1), { maxLength: 3 });
  if (depth < 3 && shape.kind === "object") return nearlyValidObject(shape, plausible, depth + 1);
  return plausibleFor(key, plausible);
}

/**
 * Every field with a typical value, then at most one replaced by a hostile one: most such
 * inputs pass validation, so the handler, its queries and its writes meet odd but valid data.
 */
export function nearlyValidObject(shape: TShape, plausible: TPlausible, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, TShape> = shape.kind === "object" ? { ...shape.fields } : {};
  if (shape.kind === "union") for (const o of shape.options) if (o.kind === "object") Object.assign(fields, o.fields);
  const keys = Object.keys(fields);
  const typical = fc.record(Object.fromEntries(keys.map((key) => [key, typicalValue(key, fields[key]!, plausible, depth)])));
  if (keys.length === 0) return typical;
  return fc
    .tuple(typical, fc.option(fc.tuple(fc.constantFrom(...keys), hostileValue), { freq: 2 }))
    .map(([value, spoil]) => (spoil ? { ...value, [spoil[0]]: spoil[1] } : value));
}

/** A value for one field: hostile, plausible for its name, or right for its shape. */
export function fieldValue(key: string, shape: TShape, plausible: TPlausible, depth = 0): fc.Arbitrary<unknown> {
  const options: { weight: number; arbitrary: fc.Arbitrary<unknown> }[] = [
    { weight: 3, arbitrary: hostileValue },
    { weight: 3, arbitrary: plausibleFor(key, plausible) },
  ];
  if (shape.kind === "choice" && shape.values.length > 0) options.push({ weight: 4, arbitrary: fc.constantFrom(...shape.values) });
  if (shape.kind === "union") {
    for (const option of shape.options) options.push({ weight: 1, arbitrary: fieldValue(key, option, plausible, depth + 1) });
  }
  if (depth < 3 && shape.kind === "array") {
    options.push({ weight: 3, arbitrary: fc.array(fieldValue(key, shape.element, plausible, depth + 1), { maxLength: 6 }) });
  }
  if (depth < 3 && shape.kind === "object") {
    options.push({ weight: 3, arbitrary: objectFor(shape, [], plausible, depth + 1) });
  }
  return fc.oneof(...options);
}

/** An object with (some of) the shape's fields and a few of `extraKeys`, values from fieldValue. */
export function objectFor(
  shape: TShape,
  extraKeys: readonly string[],
  plausible: TPlausible,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, TShape> = shape.kind === "object" ? shape.fields : {};
  if (shape.kind === "union") for (const o of shape.options) if (o.kind === "object") Object.assign(fields, o.fields);
  const known = fc.record(
    Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, fieldValue(key, field, plausible, depth)])),
    { requiredKeys: [] },
  );
  const extra =
    extraKeys.length > 0
      ? fc.dictionary(fc.constantFrom(...extraKeys), fc.oneof(hostileValue, fc.string({ maxLength: 12 })), { maxKeys: 4 })
      : fc.constant({});
  const wild = fc.dictionary(
    fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "$ACTION_ID_x", "")),
    hostileValue,
    { maxKeys: 2 },
  );
  return fc
    .tuple(known, extra, fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: wild }))
    .map(([k, e, w]) => ({ ...w, ...e, ...k }));
}

/** Any input an attacker could send for a schema of this shape, as a plain value. */
export function anyInputFor(shape: TShape, extraKeys: readonly string[], plausible: TPlausible): fc.Arbitrary<unknown> {
  return fc.oneof(
    {
      weight: 1,
      arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }),
    },
    { weight: 1, arbitrary: hostileValue },
    { weight: 6, arbitrary: objectFor(shape, extraKeys, plausible) },
  );
}

/** What a browser form could post: every value a string (repeated keys for lists) or a File. */
export function toFormData(value: Record<string, unknown>): FormData {
  const form = new FormData();
  const add = (key: string, item: unknown) => {
    if (item instanceof Blob) form.append(key, item);
    else if (typeof item === "string") form.append(key, item);
    else if (item === undefined) return;
    else if (typeof item === "object" && item !== null && !(item instanceof Date))
      form.append(key, JSON.stringify(item, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? "");
    else form.append(key, String(item));
  };
  for (const [key, item] of Object.entries(value)) {
    if (Array.isArray(item)) item.forEach((one) => add(key, one));
    else add(key, item);
  }
  return form;
}

/** Any input as a browser form or as a value sent through React's reply encoding. */
export function anyActionInputFor(shape: TShape, extraKeys: readonly string[], plausible: TPlausible): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: objectFor(shape, extraKeys, plausible).map(toFormData) },
    { weight: 2, arbitrary: anyInputFor(shape, extraKeys, plausible) },
    { weight: 3, arbitrary: nearlyValidObject(shape, plausible).map(toFormData) },
    { weight: 1, arbitrary: nearlyValidObject(shape, plausible) },
  );
}
