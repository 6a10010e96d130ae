import { beforeEach, describe, expect, it, vi } from "vitest";

// The revision a render's session statement read, as the memo sees it (the same number for
// every cached thing unless a test gives one its own).
let known: string | null = null;
let knownOf: Partial<Record<string, string | null>> = {};
vi.mock("./known-cache-revision", () => ({ knownCacheRevision: (_db: object, name: string) => (name in knownOf ? knownOf[name] : known) }));

const { revisionMemo } = await import("./revision-memo");

describe("revisionMemo", () => {
  let reads = 0;
  const read = (value: string) => async () => {
    reads += 1;
    return value;
  };
  beforeEach(() => {
    reads = 0;
    known = null;
    knownOf = {};
  });

  it("reads every time when no revision is known (outside a render)", async () => {
    const memo = revisionMemo<string>("ranking");
    expect(await memo({}, "k", read("a"))).toBe("a");
    expect(await memo({}, "k", read("b"))).toBe("b");
    expect(reads).toBe(2);
  });

  it("keeps a value per key under one revision, and reads again once the revision changes", async () => {
    const memo = revisionMemo<string>("ranking");
    known = "7";
    expect(await memo({}, "k", read("a"))).toBe("a");
    expect(await memo({}, "k", read("b"))).toBe("a");
    expect(await memo({}, "other", read("c"))).toBe("c");
    expect(reads).toBe(2);
    known = "8";
    expect(await memo({}, "k", read("d"))).toBe("d");
    expect(await memo({}, "k", read("e"))).toBe("d");
    expect(reads).toBe(3);
  });

  it("keeps null as a value (nothing published is worth remembering too)", async () => {
    const memo = revisionMemo<string | null>("ranking");
    known = "1";
    let nullReads = 0;
    const none = async () => {
      nullReads += 1;
      return null;
    };
    expect(await memo({}, "k", none)).toBeNull();
    expect(await memo({}, "k", none)).toBeNull();
    expect(nullReads).toBe(1);
  });

  it("does not keep what was read for an older revision once a newer one arrived meanwhile", async () => {
    const memo = revisionMemo<string>("ranking");
    known = "1";
    let release: () => void = () => {};
    const slow = memo({}, "k", async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return "old";
    });
    known = "2";
    expect(await memo({}, "k", read("new"))).toBe("new");
    release();
    expect(await slow).toBe("old");
    expect(await memo({}, "k", read("newer"))).toBe("new");
  });

  it("when full, drops the value used longest ago, not every value", async () => {
    const memo = revisionMemo<string>("banks", 2);
    known = "1";
    await memo({}, "a", read("a"));
    await memo({}, "b", read("b"));
    await memo({}, "a", read("a2")); // "a" used again: "b" is now the oldest
    await memo({}, "c", read("c")); // full: "b" goes
    expect(reads).toBe(3);
    expect(await memo({}, "a", read("a3"))).toBe("a");
    expect(await memo({}, "c", read("c2"))).toBe("c");
    expect(reads).toBe(3);
    expect(await memo({}, "b", read("b2"))).toBe("b2");
    expect(reads).toBe(4);
  });

  it("kept under several cached things, reads again when any of their numbers rises, and reads every time when one is unknown", async () => {
    const memo = revisionMemo<string>(["ranking", "banks"]);
    knownOf = { ranking: "3", banks: "10" };
    expect(await memo({}, "k", read("a"))).toBe("a");
    expect(await memo({}, "k", read("b"))).toBe("a");
    knownOf = { ranking: "3", banks: "11" };
    expect(await memo({}, "k", read("c"))).toBe("c");
    knownOf = { ranking: "4", banks: "11" };
    expect(await memo({}, "k", read("d"))).toBe("d");
    expect(reads).toBe(3);
    knownOf = { ranking: "4", banks: null };
    expect(await memo({}, "k", read("e"))).toBe("e");
    expect(await memo({}, "k", read("f"))).toBe("f");
    expect(reads).toBe(5);
  });
});
