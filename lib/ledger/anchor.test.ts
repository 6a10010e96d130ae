import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { anchorCutoff, anchorDigest, dayToAnchor, itemHeadsDigest, verifyAnchorChain, type TAnchor } from "./anchor";

function chain(days: string[]): TAnchor[] {
  const out: TAnchor[] = [];
  for (const [i, day] of days.entries()) {
    const fields = { day, requests: 10 + i, entries: 40 + i, headsDigest: `h${i}`, prevDigest: out.at(-1)?.digest ?? null };
    out.push({ ...fields, digest: anchorDigest(fields) });
  }
  return out;
}

describe("ledger anchors", () => {
  it("anchor yesterday (Shanghai) once it has been over for half an hour", () => {
    expect(dayToAnchor(new Date("2026-12-04T16:29:00Z"))).toBe("2026-12-03"); // 00:29 on the 5th in Shanghai
    expect(dayToAnchor(new Date("2026-12-04T16:31:00Z"))).toBe("2026-12-04");
    expect(dayToAnchor(new Date("2027-01-01T03:00:00Z"))).toBe("2026-12-31");
  });

  it("cover the whole day in Shanghai", () => {
    expect(anchorCutoff("2026-12-04").toISOString()).toBe("2026-12-04T15:59:59.999Z");
  });

  it("digest every field, so a changed count, head digest or link changes the digest", () => {
    const base = { day: "2026-12-04", requests: 3, entries: 9, headsDigest: "abc", prevDigest: null };
    const digest = anchorDigest(base);
    expect(anchorDigest({ ...base })).toBe(digest);
    for (const changed of [{ requests: 4 }, { entries: 8 }, { headsDigest: "abd" }, { prevDigest: "x" }, { day: "2026-12-05" }]) {
      expect(anchorDigest({ ...base, ...changed })).not.toBe(digest);
    }
  });

  it("find the first anchor whose digest or link does not hold", () => {
    const anchors = chain(["2026-12-01", "2026-12-02", "2026-12-03"]);
    expect(verifyAnchorChain(anchors)).toBe(-1);
    expect(verifyAnchorChain(anchors.map((a, i) => (i === 1 ? { ...a, requests: 99 } : a)))).toBe(1);
    // A rewritten anchor with its digest recomputed still breaks the next one's link.
    const forged = { ...anchors[1]!, headsDigest: "forged" };
    const relinked = [anchors[0]!, { ...forged, digest: anchorDigest(forged) }, anchors[2]!];
    expect(verifyAnchorChain(relinked)).toBe(2);
  });
});

describe("the digest of some items' chain heads", () => {
  it("hashes the lines requestId:seq:hash in requestId order, whatever order they come in", () => {
    const a = { requestId: "0a000000-0000-4000-8000-000000000000", seq: 3, hash: "aa" };
    const b = { requestId: "1b000000-0000-4000-8000-000000000000", seq: 5, hash: "bb" };
    const expected = createHash("sha256").update(`${a.requestId}:3:aa\n${b.requestId}:5:bb`, "utf8").digest("hex");
    expect(itemHeadsDigest([b, a])).toEqual({ requests: 2, entries: 8, headsDigest: expected });
  });

  it("of no heads is the sha256 of nothing", () => {
    expect(itemHeadsDigest([]).headsDigest).toBe(createHash("sha256").update("", "utf8").digest("hex"));
  });
});
