/**
 * Every input schema of the portal, fed generated hostile input (tests/support/fuzz-inputs.ts):
 * parsing must answer success or failure and never throw. A throw inside a transform or
 * refinement escapes defineAction's safeParse and becomes a server error, so this finds
 * the 500s that validation itself can cause, without a database. The schemas are read from
 * every server action (defineAction keeps `schema` on the action) and from every Z-named export
 * of lib/ and app/, so a new one is fuzzed without being listed here.
 *
 * FUZZ_RUNS multiplies the runs (the nightly job); FUZZ_SEED replays a failure's seed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { controlCharacterFields } from "@/lib/validation/fields";
import { anyInputFor, fieldNames, formFieldNames, fuzzMultiplier, fuzzSeed, shapeOf } from "@/tests/support/fuzz-inputs";
import { filesEndingIn, loadServerActions, ROOT } from "@/tests/support/server-actions";

const RUNS_PER_SCHEMA = Math.round(1_500 * fuzzMultiplier());
// This test's share of the suite's promise of 100,000 generated inputs per run; the
// server-action fuzz (tests/integration/server-actions-fuzz.test.ts) adds the rest.
const MIN_INPUTS = Math.round(90_000 * fuzzMultiplier());

// Every module of lib/ and app/ that exports a zod schema by the naming convention
// (ZSomething): the schemas.ts files, and the few still kept beside their rules.
function schemaModules(): string[] {
  const sources = [...filesEndingIn(path.join(ROOT, "lib"), ".ts"), ...filesEndingIn(path.join(ROOT, "app"), ".ts")];
  return sources.filter(
    (file) =>
      !file.includes("generated") &&
      !file.endsWith(".test.ts") &&
      /^export const Z[A-Z]\w* =/m.test(readFileSync(path.join(ROOT, file), "utf8")),
  );
}

type TNamedSchema = { name: string; schema: z.ZodType };
const schemas: TNamedSchema[] = [];
let extraKeys: string[] = [];
let inputs = 0;
const started = Date.now();

beforeAll(async () => {
  const seen = new Set<z.ZodType>();
  const add = (name: string, schema: z.ZodType) => {
    if (seen.has(schema)) return;
    seen.add(schema);
    schemas.push({ name, schema });
  };
  for (const { action } of await loadServerActions()) add(`action ${action.actionName}`, action.schema);
  for (const file of schemaModules()) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (value instanceof z.ZodType) add(`${file}#${name}`, value);
  }
  extraKeys = formFieldNames();
}, 120_000);

afterAll(() => {
  console.log(
    `schema fuzz: ${schemas.length} schemas × ${RUNS_PER_SCHEMA} = ${inputs} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});

describe("every input schema, given generated hostile input", () => {
  it("finds the schemas of every server action and every Z-named export", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(70);
  });

  it(
    "answers success or a validation failure and never throws",
    () => {
      const failures: string[] = [];
      for (const { name, schema } of schemas) {
        const shape = shapeOf(schema);
        // A schema that takes a free record reads form fields by name: offer every form field.
        const keys = fieldNames(shape).length > 0 ? [] : extraKeys;
        const details = fc.check(
          fc.property(anyInputFor(shape, keys, { ids: [] }), (input) => {
            inputs++;
            const result = schema.safeParse(input);
            expect(typeof result.success).toBe("boolean");
            // defineAction also walks the raw input for control characters.
            controlCharacterFields(input);
          }),
          { numRuns: RUNS_PER_SCHEMA, seed: fuzzSeed(), endOnFailure: true },
        );
        if (details.failed) {
          failures.push(
            `${name}: ${String(details.errorInstance)} (seed ${details.seed}, path ${details.counterexamplePath}) input ${fc.stringify(details.counterexample)?.slice(0, 300)}`,
          );
        }
      }
      expect(failures).toEqual([]);
    },
    600_000 * fuzzMultiplier(),
  );

  it("generated its share of the suite's inputs", () => {
    expect(inputs).toBeGreaterThanOrEqual(MIN_INPUTS);
  });
});
