// The official schedule data, checked line by line against the State Council notices
// (2026: 国办发明电〔2025〕7号; 2025: 国办发明电〔2024〕12号). 2027 must stay absent until published.
import { describe, expect, it } from "vitest";
import { CN_OFFICIAL_SCHEDULES, CN_PUBLISHED_YEARS, cnHolidayName, cnOfficialCalendarData } from "./cn-official";
import { createWorkingCalendar } from "./working-days";

/** Every ISO day from..to inclusive (independent of the module's own expansion). */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
const weekday = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe("CN_OFFICIAL_SCHEDULES", () => {
  it("has exactly 2025 and 2026 (2027 not published in our data)", () => {
    expect(CN_PUBLISHED_YEARS).toEqual([2025, 2026]);
    expect(Object.keys(CN_OFFICIAL_SCHEDULES).sort()).toEqual(["2025", "2026"]);
    expect(CN_OFFICIAL_SCHEDULES[2027]).toBeUndefined();
  });

  it("2026 matches 国办发明电〔2025〕7号", () => {
    const s = CN_OFFICIAL_SCHEDULES[2026];
    expect(s?.source).toContain("国办发明电〔2025〕7号");
    expect(s?.holidays).toEqual([
      ...range("2026-01-01", "2026-01-03"),
      ...range("2026-02-15", "2026-02-23"),
      ...range("2026-04-04", "2026-04-06"),
      ...range("2026-05-01", "2026-05-05"),
      ...range("2026-06-19", "2026-06-21"),
      ...range("2026-09-25", "2026-09-27"),
      ...range("2026-10-01", "2026-10-07"),
    ]);
    expect(s?.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(s?.workdays).toEqual(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]);
    expect(s?.workdays.map(weekday)).toEqual([0, 6, 6, 6, 0, 6]); // Sun, Sat, Sat, Sat, Sun, Sat
  });

  it("2025 matches 国办发明电〔2024〕12号", () => {
    const s = CN_OFFICIAL_SCHEDULES[2025];
    expect(s?.source).toContain("国办发明电〔2024〕12号");
    expect(s?.holidays).toEqual([
      "2025-01-01",
      ...range("2025-01-28", "2025-02-04"),
      ...range("2025-04-04", "2025-04-06"),
      ...range("2025-05-01", "2025-05-05"),
      ...range("2025-05-31", "2025-06-02"),
      ...range("2025-10-01", "2025-10-08"),
    ]);
    expect(s?.workdays).toEqual(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]);
    expect(s?.workdays.map(weekday)).toEqual([0, 6, 0, 0, 6]);
  });

  it("names every holiday date, and only those", () => {
    for (const year of CN_PUBLISHED_YEARS) {
      const s = CN_OFFICIAL_SCHEDULES[year];
      expect(Object.keys(s?.names ?? {}).sort()).toEqual(s?.holidays);
      expect(Object.keys(s?.adjustedFor ?? {}).sort()).toEqual(s?.workdays);
    }
    expect(cnHolidayName("2026-01-02")).toBe("元旦");
    expect(cnHolidayName("2026-02-21")).toBe("春节");
    expect(cnHolidayName("2026-04-05")).toBe("清明节");
    expect(cnHolidayName("2026-05-05")).toBe("劳动节");
    expect(cnHolidayName("2026-06-19")).toBe("端午节");
    expect(cnHolidayName("2026-09-25")).toBe("中秋节");
    expect(cnHolidayName("2026-10-07")).toBe("国庆节");
    expect(cnHolidayName("2025-10-06")).toBe("国庆节、中秋节");
    expect(cnHolidayName("2026-10-08")).toBeUndefined();
    expect(cnHolidayName("2027-01-01")).toBeUndefined();
    expect(CN_OFFICIAL_SCHEDULES[2026]?.adjustedFor["2026-02-14"]).toBe("春节");
    expect(CN_OFFICIAL_SCHEDULES[2026]?.adjustedFor["2026-09-20"]).toBe("国庆节");
  });

  it("is valid calendar input (workdays on weekends, no overlap) and publishes exactly its years", () => {
    const data = cnOfficialCalendarData();
    const cal = createWorkingCalendar(data);
    expect([...cal.publishedYears].sort()).toEqual([2025, 2026]);
    expect(data.holidays).toHaveLength(28 + 33);
    expect(data.workdays).toHaveLength(5 + 6);
  });

  it("is frozen against accidental mutation", () => {
    expect(Object.isFrozen(CN_OFFICIAL_SCHEDULES)).toBe(true);
    expect(() => (CN_OFFICIAL_SCHEDULES[2026]?.holidays as string[]).push("2026-12-25")).toThrow(TypeError);
    // The merged data is a fresh copy, safe to modify.
    const data = cnOfficialCalendarData();
    data.holidays.push("2026-12-25");
    expect(cnOfficialCalendarData().holidays).not.toContain("2026-12-25");
  });
});
