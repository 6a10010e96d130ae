import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, chainEntries, ledgerEntryHash, verifyChain, type TChainedLedgerEntry, type TLedgerHashInput } from "./hash";

const REQ = "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";

function entry(seq: number, over: Partial<TLedgerHashInput> = {}): TLedgerHashInput {
  return {
    requestId: REQ,
    seq,
    action: seq === 1 ? "SUBMIT" : "FORWARD",
    actorUserId: "11111111-1111-4111-8111-111111111111",
    actorOrgId: "22222222-2222-4222-8222-222222222222",
    fromStatus: seq === 1 ? "DRAFT" : "SUBMITTED",
    toStatus: seq === 1 ? "SUBMITTED" : "FORWARDED",
    content: { amountFen: "5000000", banks: ["b", "a"], nested: { z: 1, a: [true, null] } },
    note: null,
    occurredAt: new Date(Date.UTC(2026, 2, 5, 1, 30, 0, 123)),
    ...over,
  };
}

describe("canonicalJson", () => {
  it("sorts keys at every depth, keeps array order, writes dates as ISO", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: new Date(Date.UTC(2026, 0, 1)) } })).toBe(
      '{"a":{"c":"2026-01-01T00:00:00.000Z","d":[3,1]},"b":1}',
    );
  });
  it("drops undefined object members like JSON, keeps null", () => {
    expect(canonicalJson({ a: undefined, b: null, c: [undefined] })).toBe('{"b":null,"c":[null]}');
  });
  it("refuses values JSON cannot carry faithfully", () => {
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: new Date(Number.NaN) })).toThrow(TypeError);
  });
  it("escapes Chinese text the same way JSON.stringify does", () => {
    expect(canonicalJson({ 意见: "可以办理\n“首贷”" })).toBe(JSON.stringify({ 意见: "可以办理\n“首贷”" }));
  });
});

describe("ledgerEntryHash", () => {
  it("is sha256 hex of the canonical payload including prevHash", () => {
    const e = entry(1);
    const expected = createHash("sha256")
      .update(
        canonicalJson({
          prevHash: null,
          requestId: e.requestId,
          seq: 1,
          action: "SUBMIT",
          actorUserId: e.actorUserId,
          actorOrgId: e.actorOrgId,
          fromStatus: "DRAFT",
          toStatus: "SUBMITTED",
          content: e.content,
          note: null,
          occurredAt: e.occurredAt,
        }),
      )
      .digest("hex");
    expect(ledgerEntryHash(null, e)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does not depend on key order in content (jsonb reorders keys)", () => {
    const a = entry(1, { content: { x: 1, y: { b: 2, a: 1 } } });
    const b = entry(1, { content: { y: { a: 1, b: 2 }, x: 1 } });
    expect(ledgerEntryHash(null, a)).toBe(ledgerEntryHash(null, b));
  });

  it("treats missing optional fields as null and missing content as {}", () => {
    const full = entry(1, { actorUserId: null, note: null, content: {} });
    const sparse: TLedgerHashInput = { ...full };
    delete sparse.actorUserId;
    delete sparse.note;
    delete sparse.content;
    expect(ledgerEntryHash(null, sparse)).toBe(ledgerEntryHash(null, full));
  });

  it("changes with every field, with prevHash and with the millisecond", () => {
    const base = ledgerEntryHash(null, entry(1));
    const variants: Array<Partial<TLedgerHashInput>> = [
      { requestId: "other" },
      { seq: 2 },
      { action: "RETURN" },
      { actorUserId: null },
      { actorOrgId: "x" },
      { fromStatus: null },
      { toStatus: "RETURNED" },
      { content: {} },
      { note: "备注" },
      { occurredAt: new Date(Date.UTC(2026, 2, 5, 1, 30, 0, 124)) },
    ];
    for (const v of variants) expect(ledgerEntryHash(null, entry(1, v))).not.toBe(base);
    expect(ledgerEntryHash("0".repeat(64), entry(1))).not.toBe(base);
  });
});

describe("verifyChain", () => {
  function chain(n: number): TChainedLedgerEntry[] {
    return chainEntries(Array.from({ length: n }, (_, i) => entry(i + 1)));
  }

  it("accepts an intact chain and an empty one", () => {
    const c = chain(5);
    expect(c[0]?.prevHash).toBeNull();
    expect(c[3]?.prevHash).toBe(c[2]?.hash);
    expect(verifyChain(c)).toBe(-1);
    expect(verifyChain([])).toBe(-1);
  });

  it("finds an edited entry", () => {
    const c = chain(5);
    c[2] = { ...(c[2] as TChainedLedgerEntry), content: { amountFen: "9999999" } };
    expect(verifyChain(c)).toBe(2);
  });

  it("finds an edited entry whose hash was recomputed: the next link breaks", () => {
    const c = chain(5);
    const edited = { ...(c[2] as TChainedLedgerEntry), note: "篡改" };
    edited.hash = ledgerEntryHash(edited.prevHash, edited);
    c[2] = edited;
    expect(verifyChain(c)).toBe(3);
  });

  it("finds a deleted or reordered entry", () => {
    const c = chain(5);
    expect(verifyChain([...c.slice(0, 2), ...c.slice(3)])).toBe(2);
    expect(verifyChain([c[0], c[2], c[1], c[3]] as TChainedLedgerEntry[])).toBe(1);
    expect(verifyChain(c.slice(1))).toBe(0);
  });

  it("finds an entry of another request spliced in", () => {
    const c = chain(3);
    const foreign = { ...entry(3), requestId: "other" };
    const spliced = { ...foreign, prevHash: c[1]?.hash ?? null, hash: ledgerEntryHash(c[1]?.hash ?? null, foreign) };
    expect(verifyChain([c[0], c[1], spliced] as TChainedLedgerEntry[])).toBe(2);
  });

  it("finds a first entry that claims a predecessor", () => {
    const first = entry(1);
    const fake = { ...first, prevHash: "a".repeat(64), hash: ledgerEntryHash("a".repeat(64), first) };
    expect(verifyChain([fake])).toBe(0);
  });

  it("verifies an entry as read back from the database (content keys reordered)", () => {
    const c = chain(2);
    const readBack = c.map((e) => ({
      ...e,
      content: JSON.parse(JSON.stringify({ nested: { a: [true, null], z: 1 }, banks: ["b", "a"], amountFen: "5000000" })),
    }));
    expect(verifyChain(readBack)).toBe(-1);
  });
});
