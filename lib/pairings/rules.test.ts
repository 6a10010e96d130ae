import { describe, expect, it } from "vitest";
import { checkPairingChange, normalizeReason, reasonLength } from "./rules";

describe("checkPairingChange", () => {
  it("lets any change through before the lock, reason or not", () => {
    expect(checkPairingChange({ locked: false, mayChangeLocked: false, reason: null })).toEqual({ ok: true, afterLock: false });
  });
  it("refuses everyone without the right after the lock, even with a reason", () => {
    expect(checkPairingChange({ locked: true, mayChangeLocked: false, reason: "银行机构撤并，需调整" })).toEqual({
      ok: false,
      code: "pairingsLocked",
    });
  });
  it("asks the administrator for a reason of at least 5 characters", () => {
    expect(checkPairingChange({ locked: true, mayChangeLocked: true, reason: null })).toEqual({ ok: false, code: "reasonRequired" });
    expect(checkPairingChange({ locked: true, mayChangeLocked: true, reason: "调整一下" })).toEqual({ ok: false, code: "reasonRequired" });
    expect(checkPairingChange({ locked: true, mayChangeLocked: true, reason: "银行机构撤并" })).toEqual({ ok: true, afterLock: true });
  });
});

describe("normalizeReason / reasonLength", () => {
  it("trims, collapses white space and counts characters", () => {
    expect(normalizeReason("  a   b \n c ")).toBe("a b c");
    expect(normalizeReason("   ")).toBeNull();
    expect(normalizeReason(undefined)).toBeNull();
    expect(reasonLength("变更理由")).toBe(4);
    expect(reasonLength("𠀀𠀀𠀀𠀀𠀀")).toBe(5);
  });
});
