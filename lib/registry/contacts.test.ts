import { describe, expect, it } from "vitest";
import { getCnOfficialCalendar } from "@/lib/calendar/cn-official";
import { createWorkingCalendar } from "@/lib/calendar/working-days";
import { currentContact, effectiveDate, filingDelay, isFiledLate } from "./contacts";
import { ZBankContactInput } from "./schemas";

const official = getCnOfficialCalendar();
const mondayToFriday = createWorkingCalendar({ holidays: [], workdays: [], publishedYears: [2026] });
const shanghai = (isoDateTime: string) => new Date(`${isoDateTime}+08:00`);

describe("late filing of a contact change (within 3 working days of taking effect)", () => {
  it("counts from the day after it took effect: Monday → Thursday is on time, Friday is late", () => {
    const monday = effectiveDate("2026-03-02");
    expect(filingDelay(monday, shanghai("2026-03-05T17:00:00"), official)).toBe(3);
    expect(isFiledLate(monday, shanghai("2026-03-05T23:59:00"), official)).toBe(false);
    expect(isFiledLate(monday, shanghai("2026-03-06T08:00:00"), official)).toBe(true);
  });

  it("filed the same day, or before it takes effect, is on time", () => {
    expect(isFiledLate(effectiveDate("2026-03-02"), shanghai("2026-03-02T09:00:00"), official)).toBe(false);
    expect(filingDelay(effectiveDate("2026-03-10"), shanghai("2026-03-02T09:00:00"), official)).toBe(0);
  });

  it("skips the Labour Day holiday and counts the adjusted Saturday (2026-05-09) as a working day", () => {
    const thursday = effectiveDate("2026-04-30");
    // 5/1–5/5 off: 5/6, 5/7, 5/8 are the three working days.
    expect(isFiledLate(thursday, shanghai("2026-05-08T17:00:00"), official)).toBe(false);
    // Saturday 5/9 is a working day (调休): the fourth.
    expect(isFiledLate(thursday, shanghai("2026-05-09T10:00:00"), official)).toBe(true);
    // With Monday–Friday only, 5/1, 5/4 and 5/5 would count and 5/8 would be late.
    expect(isFiledLate(thursday, shanghai("2026-05-08T17:00:00"), mondayToFriday)).toBe(true);
  });

  it("judges the filing day in Shanghai time, not UTC", () => {
    const monday = effectiveDate("2026-03-02");
    // 2026-03-05T23:30 in Shanghai is still Thursday (15:30 UTC).
    expect(isFiledLate(monday, new Date("2026-03-05T15:30:00Z"), official)).toBe(false);
    // 2026-03-06T00:30 in Shanghai is Friday although UTC still says Thursday.
    expect(isFiledLate(monday, new Date("2026-03-05T16:30:00Z"), official)).toBe(true);
  });
});

describe("effectiveDate", () => {
  it("is UTC midnight of the day and refuses impossible dates", () => {
    expect(effectiveDate("2026-02-28").toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(() => effectiveDate("2026-02-30")).toThrow(RangeError);
    expect(() => effectiveDate("2026/02/28")).toThrow(RangeError);
  });
});

describe("currentContact", () => {
  const row = (id: string, effective: string, filed: string) => ({ id, effectiveOn: effectiveDate(effective), filedAt: shanghai(filed) });
  it("is the latest change in force; a later filing for the same day wins; future ones wait", () => {
    const rows = [
      row("a", "2026-01-05", "2026-01-05T10:00:00"),
      row("b", "2026-03-02", "2026-03-03T10:00:00"),
      row("c", "2026-03-02", "2026-03-04T10:00:00"),
      row("d", "2026-04-01", "2026-03-20T10:00:00"),
    ];
    expect(currentContact(rows, shanghai("2026-03-25T12:00:00"))?.id).toBe("c");
    expect(currentContact(rows, shanghai("2026-04-01T00:10:00"))?.id).toBe("d");
    expect(currentContact(rows, shanghai("2026-01-01T12:00:00"))).toBeNull();
  });
});

describe("ZBankContactInput", () => {
  const base = {
    bankOrgId: "7f1c2b3a-1111-4222-8333-444455556666",
    firstPersonName: "张行长",
    firstPersonTitle: "行长",
    secondPersonName: "李副行长",
    secondPersonTitle: "分管信贷副行长",
    department: "普惠金融事业部",
    liaisonName: "王联络",
    effectiveOn: "2026-03-02",
  };
  it("accepts a full contact and normalizes mobiles", () => {
    const parsed = ZBankContactInput.parse({ ...base, liaisonMobile: "+86 138-1234-5678", firstPersonMobile: "" });
    expect(parsed.liaisonMobile).toBe("13812345678");
    expect(parsed.firstPersonMobile).toBeNull();
  });
  it("refuses a missing person, a bad mobile and an impossible date with codes", () => {
    const r = ZBankContactInput.safeParse({ ...base, liaisonName: " ", liaisonMobile: "12345", effectiveOn: "2026-02-30" });
    expect(r.success).toBe(false);
    const codes = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(codes).toMatchObject({ liaisonName: "required", liaisonMobile: "mobileInvalid", effectiveOn: "dateInvalid" });
  });
});
