import { describe, expect, it } from "vitest";
import { bankIdsOf, timelineContentItems } from "./timeline-content";

describe("timelineContentItems", () => {
  it("shows known keys in a fixed order and leaves ids and unknown keys out", () => {
    const content = {
      bankOrgId: "b1",
      secret: "x",
      comment: "很好",
      rating: "SATISFIED",
      dueAt: "2026-05-12T15:59:59.999Z",
      replyDeadlineDays: 5,
    };
    expect(timelineContentItems(content)).toEqual([
      { key: "rating", kind: "rating", value: "SATISFIED" },
      { key: "comment", kind: "text", value: "很好" },
      { key: "replyDeadlineDays", kind: "days", value: 5 },
      { key: "dueAt", kind: "date", value: "2026-05-12T15:59:59.999Z" },
    ]);
  });
  it("reads an escalation's enum reason as an escalation reason, not as text", () => {
    expect(timelineContentItems({ reason: "UNSOLVABLE", explanation: "无抵押" })).toEqual([
      { key: "escalationReason", kind: "escalationReason", value: "UNSOLVABLE" },
      { key: "explanation", kind: "text", value: "无抵押" },
    ]);
    expect(timelineContentItems({ reason: "材料不全" })).toEqual([{ key: "reason", kind: "text", value: "材料不全" }]);
  });
  it("names banks it was given names for", () => {
    const content = { fromBankOrgId: "b1", toBankOrgId: "b2", reason: "专业不对口" };
    expect(bankIdsOf(content)).toEqual(["b1", "b2"]);
    expect(timelineContentItems(content, { b1: "甲行", b2: "乙行" }).slice(1)).toEqual([
      { key: "fromBank", kind: "text", value: "甲行" },
      { key: "toBank", kind: "text", value: "乙行" },
    ]);
  });
  it("gives nothing for content that is not an object", () => {
    expect(timelineContentItems(null)).toEqual([]);
    expect(timelineContentItems(["reason"])).toEqual([]);
  });
});
