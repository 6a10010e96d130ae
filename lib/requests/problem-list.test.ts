import { describe, expect, it } from "vitest";
import { getCnOfficialCalendar } from "@/lib/calendar/cn-official";
import { answerSummary, workingDaysTaken } from "./problem-list";

const at = (local: string) => new Date(`${local}+08:00`);
// Echoes keys and values, so the test reads which message each part comes from.
const t = (key: string, values?: Record<string, string | number>) => (values ? `${key}(${Object.values(values).join(",")})` : key);

describe("the problem list's working days taken", () => {
  const calendar = getCnOfficialCalendar();

  it("counts from forwarding to the first answer in working days (the forwarding day does not count)", () => {
    expect(workingDaysTaken({ forwardedAt: at("2026-08-03T10:00:00"), firstAnsweredAt: at("2026-08-05T15:00:00") }, calendar)).toBe(2);
    expect(workingDaysTaken({ forwardedAt: at("2026-08-03T10:00:00"), firstAnsweredAt: at("2026-08-03T16:00:00") }, calendar)).toBe(0);
  });

  it("skips the National Day holiday and counts the adjusted Saturday", () => {
    // Forwarded Tuesday 29 September; 30 Sep, then 1–7 Oct off, Thu 8, Fri 9, Sat 10 (调休), Mon 12.
    expect(workingDaysTaken({ forwardedAt: at("2026-09-29T10:00:00"), firstAnsweredAt: at("2026-10-12T10:00:00") }, calendar)).toBe(5);
  });

  it("is empty until the item is both forwarded and answered", () => {
    expect(workingDaysTaken({ forwardedAt: at("2026-08-03T10:00:00"), firstAnsweredAt: null }, calendar)).toBeNull();
    expect(workingDaysTaken({ forwardedAt: null, firstAnsweredAt: at("2026-08-03T10:00:00") }, calendar)).toBeNull();
  });
});

describe("the problem list's answer summary", () => {
  it("puts the kind first, then each field of the answer with its label", () => {
    expect(answerSummary({ kind: "CAN_DO", conditions: "纳税信用B级以上", procedure: "十个工作日内审批" }, null, t, "zh-CN")).toBe(
      "requests.answerKinds.CAN_DO：requestDetail.answer.conditions 纳税信用B级以上；requestDetail.answer.procedure 十个工作日内审批",
    );
  });

  it("formats amounts in 万元, rates, terms and flags", () => {
    const summary = answerSummary(
      { kind: "GRANTED", amountFen: "123456789", annualRate: "3.85", termMonths: 12, isFirstLoan: true },
      null,
      t,
      "zh-CN",
    );
    expect(summary).toContain("requestDetail.answer.amountFen requests.amountValue(123.46)");
    expect(summary).toContain("requestDetail.rateValue(3.85)");
    expect(summary).toContain("ledgers.monthsValue(12)");
    expect(summary).toContain("requestDetail.answer.isFirstLoan requestDetail.yes");
  });

  it("is the kind alone when the answer has no fields, and empty without an answer", () => {
    expect(answerSummary(null, "CANNOT_DO", t, "zh-CN")).toBe("requests.answerKinds.CANNOT_DO");
    expect(answerSummary(null, null, t, "zh-CN")).toBe("");
  });
});
