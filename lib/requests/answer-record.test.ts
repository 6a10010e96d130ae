import { describe, expect, it } from "vitest";
import { answerRecord, dateColumn, normalizeRate } from "@/lib/requests/answer-record";

describe("answer records", () => {
  it("pads a rate to four decimals without floats", () => {
    expect(normalizeRate("3.45")).toBe("3.4500");
    expect(normalizeRate("3")).toBe("3.0000");
    expect(normalizeRate("12.3456")).toBe("12.3456");
  });

  it("stores a day as UTC midnight for a @db.Date column", () => {
    expect(dateColumn("2026-10-15").toISOString()).toBe("2026-10-15T00:00:00.000Z");
  });

  it("drops the ids from the stored answer", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect(answerRecord({ requestId: id, version: 3, kind: "CANNOT_DO", reason: "负债率过高" })).toEqual({
      kind: "CANNOT_DO",
      reason: "负债率过高",
    });
  });
});
