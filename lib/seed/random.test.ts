import { describe, expect, it } from "vitest";
import { Rng } from "./random";

describe("Rng", () => {
  it("is deterministic per key and differs between keys", () => {
    const a = new Rng("s", "enterprise", 1);
    const b = new Rng("s", "enterprise", 1);
    const c = new Rng("s", "enterprise", 2);
    const xs = Array.from({ length: 10 }, () => a.u32());
    expect(Array.from({ length: 10 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 10 }, () => c.u32())).not.toEqual(xs);
  });

  it("draws uniformly in [0, 1) and integers within bounds", () => {
    const r = new Rng(7);
    let sum = 0;
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
      buckets[Math.floor(x * 10)]! += 1;
      const k = r.int(3, 5);
      expect(k === 3 || k === 4 || k === 5).toBe(true);
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
    for (const b of buckets) expect(b).toBeGreaterThan(1700);
  });

  it("respects weights and never picks a zero weight", () => {
    const r = new Rng("w");
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++)
      counts[
        r.weighted([
          ["a", 3],
          ["b", 1],
          ["c", 0],
        ] as const)
      ]++;
    expect(counts.c).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.6);
    expect(counts.a / counts.b).toBeLessThan(3.4);
  });

  it("samples distinct items", () => {
    const r = new Rng("s");
    const s = r.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(s).size).toBe(4);
    expect(r.sample([1, 2], 5)).toHaveLength(2);
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it("makes version-4 UUIDs without collisions", () => {
    const r = new Rng("uuid");
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const u = r.uuid();
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(u);
    }
    expect(seen.size).toBe(50_000);
  });
});
