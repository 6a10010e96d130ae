import { describe, expect, it } from "vitest";
import {
  DEFAULT_RULES,
  RULE_KEYS,
  RULE_LIMITS,
  changedRules,
  checkNewProgram,
  checkPhases,
  checkProgramDetails,
  checkRules,
  isImplementationStarted,
  normalizeDocNumber,
  phaseAt,
  phaseField,
  readIsoDay,
  readLeadUnits,
  readWholeNumber,
  toDraft,
} from "./rules";

const PHASES_2026 = {
  preparationStartsOn: "2026-02-01",
  preparationEndsOn: "2026-03-31",
  implementationStartsOn: "2026-04-01",
  implementationEndsOn: "2026-11-30",
  assessmentStartsOn: "2026-12-01",
  assessmentEndsOn: "2026-12-31",
};

const FORM = {
  name: "2026年金融助力园区企业高质量发展行动",
  docNumber: "云金发〔2026〕3号",
  level: "CITY",
  year: "2026",
  leadUnits: "市金融办\n人民银行市分行\n\n市金融办",
  description: "  ",
  ...PHASES_2026,
  replyDeadlineDays: "5",
  parkReviewDeadlineDays: "2",
  escalateAfterDays: "0",
  bulletinAfterRemindDays: "5",
  quarterlyWindowDays: "7",
  renewalLeadDays: "30",
  bottomListSize: "5",
  autoCloseUnratedDays: "10",
  supplementDeadlineDays: "10",
  supportReportStartMonth: "8",
  supportReportDueDay: "31",
  supportReviewOffice: "0",
};

describe("rule values", () => {
  it("has the program defaults (reply in 5 working days, and the rest as listed)", () => {
    expect(DEFAULT_RULES).toEqual({
      replyDeadlineDays: 5,
      parkReviewDeadlineDays: 2,
      escalateAfterDays: 0,
      bulletinAfterRemindDays: 5,
      quarterlyWindowDays: 7,
      renewalLeadDays: 30,
      bottomListSize: 5,
      autoCloseUnratedDays: 10,
      supplementDeadlineDays: 10,
      supportReportStartMonth: 8,
      supportReportDueDay: 31,
      supportReviewOffice: 0,
    });
    for (const k of RULE_KEYS) expect(checkRules({ ...DEFAULT_RULES }).rules?.[k]).toBe(RULE_LIMITS[k].default);
  });

  it("gives the enterprise 3–30 working days for documents a bank asked for", () => {
    for (const n of [3, 10, 30]) expect(checkRules({ ...DEFAULT_RULES, supplementDeadlineDays: n }).errors).toEqual({});
    for (const n of [2, 31])
      expect(checkRules({ ...DEFAULT_RULES, supplementDeadlineDays: n }).errors).toEqual({
        supplementDeadlineDays: "supplementDeadlineDaysRange",
      });
  });

  it("accepts the reply deadline 3–5 working days only", () => {
    for (const n of [3, 4, 5]) expect(checkRules({ ...DEFAULT_RULES, replyDeadlineDays: n }).errors).toEqual({});
    expect(checkRules({ ...DEFAULT_RULES, replyDeadlineDays: 2 }).errors).toEqual({ replyDeadlineDays: "replyDeadlineDaysRange" });
    expect(checkRules({ ...DEFAULT_RULES, replyDeadlineDays: "6" }).errors).toEqual({ replyDeadlineDays: "replyDeadlineDaysRange" });
  });

  it("gives the park window 1–10 working days to review a submitted item, 2 by default", () => {
    expect(DEFAULT_RULES.parkReviewDeadlineDays).toBe(2);
    for (const n of [1, 2, 10]) expect(checkRules({ ...DEFAULT_RULES, parkReviewDeadlineDays: n }).errors).toEqual({});
    expect(checkRules({ ...DEFAULT_RULES, parkReviewDeadlineDays: 0 }).errors).toEqual({
      parkReviewDeadlineDays: "parkReviewDeadlineDaysRange",
    });
    expect(checkRules({ ...DEFAULT_RULES, parkReviewDeadlineDays: "11" }).errors).toEqual({
      parkReviewDeadlineDays: "parkReviewDeadlineDaysRange",
    });
    expect(checkRules({ ...DEFAULT_RULES, parkReviewDeadlineDays: "" }).errors).toEqual({ parkReviewDeadlineDays: "required" });
  });

  it("checks every bound", () => {
    for (const k of RULE_KEYS) {
      const { min, max } = RULE_LIMITS[k];
      expect(checkRules({ ...DEFAULT_RULES, [k]: min }).rules).toBeDefined();
      expect(checkRules({ ...DEFAULT_RULES, [k]: max }).rules).toBeDefined();
      expect(checkRules({ ...DEFAULT_RULES, [k]: min - 1 }).errors[k]).toBe(`${k}Range`);
      expect(checkRules({ ...DEFAULT_RULES, [k]: max + 1 }).errors[k]).toBe(`${k}Range`);
    }
  });

  it("says which field is blank or not a whole number, all at once", () => {
    const { rules, errors } = checkRules({ ...DEFAULT_RULES, escalateAfterDays: "", bottomListSize: "2.5", renewalLeadDays: "三十" });
    expect(rules).toBeUndefined();
    expect(errors).toEqual({ escalateAfterDays: "required", bottomListSize: "wholeNumber", renewalLeadDays: "wholeNumber" });
  });

  it("reads full-width digits and surrounding spaces", () => {
    expect(readWholeNumber(" ５ ")).toBe(5);
    expect(readWholeNumber("")).toBeUndefined();
    expect(readWholeNumber("-1")).toBeNaN();
    expect(readWholeNumber(1.5)).toBeNaN();
  });

  it("lists the rules that changed", () => {
    expect(changedRules(DEFAULT_RULES, { ...DEFAULT_RULES, replyDeadlineDays: 3, bottomListSize: 3 })).toEqual([
      "replyDeadlineDays",
      "bottomListSize",
    ]);
    expect(changedRules(DEFAULT_RULES, { ...DEFAULT_RULES })).toEqual([]);
  });
});

describe("phases", () => {
  it("accepts three phases in order within the year", () => {
    const { phases, errors } = checkPhases(PHASES_2026, 2026);
    expect(errors).toEqual({});
    expect(phases?.IMPLEMENTATION).toEqual({ startsOn: "2026-04-01", endsOn: "2026-11-30" });
  });

  it("refuses an end before its start", () => {
    expect(checkPhases({ ...PHASES_2026, preparationEndsOn: "2026-01-15" }, 2026).errors).toEqual({
      preparationEndsOn: "phaseEndBeforeStart",
    });
  });

  it("accepts a one-day phase", () => {
    expect(checkPhases({ ...PHASES_2026, assessmentStartsOn: "2026-12-31" }, 2026).errors).toEqual({});
  });

  it("refuses overlapping or swapped phases", () => {
    expect(checkPhases({ ...PHASES_2026, implementationStartsOn: "2026-03-31" }, 2026).errors).toEqual({
      implementationStartsOn: "phaseOrder",
    });
    expect(
      checkPhases(
        {
          ...PHASES_2026,
          assessmentStartsOn: "2026-02-01",
          assessmentEndsOn: "2026-02-10",
          preparationStartsOn: "2026-12-01",
          preparationEndsOn: "2026-12-31",
        },
        2026,
      ).errors,
    ).toEqual({ implementationStartsOn: "phaseOrder", assessmentStartsOn: "phaseOrder" });
  });

  it("allows preparing in the year before and assessing in the year after, not further", () => {
    expect(checkPhases({ ...PHASES_2026, preparationStartsOn: "2025-11-01", assessmentEndsOn: "2027-03-31" }, 2026).errors).toEqual({});
    expect(checkPhases({ ...PHASES_2026, preparationStartsOn: "2025-06-30" }, 2026).errors).toEqual({
      preparationStartsOn: "phaseOutsideYear",
    });
    expect(checkPhases({ ...PHASES_2026, assessmentEndsOn: "2027-07-01" }, 2026).errors).toEqual({ assessmentEndsOn: "phaseOutsideYear" });
    // without a year (the year field itself is wrong) the window is not checked
    expect(checkPhases({ ...PHASES_2026, assessmentEndsOn: "2029-07-01" }, null).errors).toEqual({});
  });

  it("says which date is missing or not a date", () => {
    expect(checkPhases({ ...PHASES_2026, implementationEndsOn: "", assessmentStartsOn: "2026-02-30" }, 2026).errors).toEqual({
      implementationEndsOn: "required",
      assessmentStartsOn: "dateFormat",
    });
  });

  it("reads dates typed with slashes and refuses impossible ones", () => {
    expect(readIsoDay("2026/04/01")).toBe("2026-04-01");
    expect(readIsoDay("2026-13-01")).toBeNull();
    expect(readIsoDay(new Date("2026-04-01T00:00:00Z"))).toBe("2026-04-01");
    expect(phaseField("IMPLEMENTATION", "endsOn")).toBe("implementationEndsOn");
  });
});

describe("program details", () => {
  it("normalizes the 文号 brackets and checks its shape", () => {
    expect(normalizeDocNumber("云金发[2026]3号")).toBe("云金发〔2026〕3号");
    expect(normalizeDocNumber(" 云金发（2026）12号 ")).toBe("云金发〔2026〕12号");
    expect(normalizeDocNumber("云金发【2026】3号")).toBe("云金发〔2026〕3号");
    expect(checkProgramDetails({ ...FORM, docNumber: "云金发2026年3号" }, 2026).errors).toEqual({ docNumber: "docNumberFormat" });
    expect(checkProgramDetails({ ...FORM, docNumber: "" }, 2026).errors).toEqual({ docNumber: "required" });
  });

  it("reads lead units one per line, dropping blanks and repeats", () => {
    expect(readLeadUnits("市金融办\r\n 人民银行市分行 \n\n市金融办")).toEqual(["市金融办", "人民银行市分行"]);
    expect(readLeadUnits(["a", " ", "b"])).toEqual(["a", "b"]);
    expect(checkProgramDetails({ ...FORM, leadUnits: "\n \n" }, 2026).errors).toEqual({ leadUnits: "leadUnitsRequired" });
    expect(checkProgramDetails({ ...FORM, leadUnits: "单".repeat(61) }, 2026).errors).toEqual({ leadUnits: "leadUnitTooLong" });
    expect(checkProgramDetails({ ...FORM, leadUnits: Array.from({ length: 21 }, (_, i) => `单位${i}`).join("\n") }, 2026).errors).toEqual({
      leadUnits: "leadUnitsTooMany",
    });
  });

  it("requires a name and keeps a blank description as none", () => {
    expect(checkProgramDetails({ ...FORM, name: "  " }, 2026).errors).toEqual({ name: "required" });
    expect(checkProgramDetails({ ...FORM, name: "名".repeat(101) }, 2026).errors).toEqual({ name: "tooLong" });
    expect(checkProgramDetails(FORM, 2026).value?.description).toBeNull();
  });
});

describe("a new program", () => {
  it("reads the whole form", () => {
    const { value, errors } = checkNewProgram(FORM);
    expect(errors).toEqual({});
    expect(value).toMatchObject({
      name: FORM.name,
      docNumber: "云金发〔2026〕3号",
      level: "CITY",
      year: 2026,
      leadUnits: ["市金融办", "人民银行市分行"],
      rules: DEFAULT_RULES,
    });
  });

  it("gives every field's error at once", () => {
    const { value, errors } = checkNewProgram({
      ...FORM,
      level: "DISTRICT",
      year: "1999",
      name: "",
      replyDeadlineDays: "7",
      assessmentEndsOn: "2026-11-01",
    });
    expect(value).toBeUndefined();
    expect(errors).toEqual({
      level: "levelInvalid",
      year: "yearRange",
      name: "required",
      replyDeadlineDays: "replyDeadlineDaysRange",
      assessmentEndsOn: "phaseEndBeforeStart",
    });
  });

  it("checks the phases against the year", () => {
    expect(checkNewProgram({ ...FORM, year: "2028" }).errors).toMatchObject({ preparationStartsOn: "phaseOutsideYear" });
  });

  it("round-trips through toDraft (what the mutations check again)", () => {
    const { value } = checkNewProgram(FORM);
    expect(checkNewProgram(toDraft(value!)).value).toEqual(value);
    expect(checkNewProgram({}).errors).toMatchObject({
      name: "required",
      year: "required",
      level: "levelInvalid",
      replyDeadlineDays: "required",
    });
  });
});

describe("phases in time", () => {
  const phases = [
    { kind: "PREPARATION" as const, startsOn: new Date("2026-02-01T00:00:00Z"), endsOn: new Date("2026-03-31T00:00:00Z") },
    { kind: "IMPLEMENTATION" as const, startsOn: new Date("2026-04-01T00:00:00Z"), endsOn: new Date("2026-11-30T00:00:00Z") },
    { kind: "ASSESSMENT" as const, startsOn: "2026-12-01", endsOn: "2026-12-31" },
  ];

  it("starts the implementation phase at Shanghai midnight of its first day", () => {
    expect(isImplementationStarted(phases, new Date("2026-03-31T15:59:59.999Z"))).toBe(false); // 23:59:59 on 3-31 in Shanghai
    expect(isImplementationStarted(phases, new Date("2026-03-31T16:00:00Z"))).toBe(true); // 00:00 on 4-1 in Shanghai
    expect(isImplementationStarted(phases, new Date("2027-01-10T00:00:00Z"))).toBe(true);
    expect(
      isImplementationStarted(
        phases.filter((p) => p.kind !== "IMPLEMENTATION"),
        new Date("2026-06-01T00:00:00Z"),
      ),
    ).toBe(false);
  });

  it("names the phase of a day", () => {
    expect(phaseAt(phases, new Date("2026-01-31T12:00:00Z"))).toBeNull();
    expect(phaseAt(phases, new Date("2026-03-31T12:00:00Z"))).toBe("PREPARATION");
    expect(phaseAt(phases, new Date("2026-06-01T12:00:00Z"))).toBe("IMPLEMENTATION");
    expect(phaseAt(phases, new Date("2026-12-31T12:00:00Z"))).toBe("ASSESSMENT");
    expect(phaseAt(phases, new Date("2026-12-31T16:00:00Z"))).toBeNull();
  });
});
