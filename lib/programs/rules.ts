import type { PhaseKind, ProgramLevel } from "@/lib/generated/prisma/enums";

// The rules of a program (帮扶方案): what a valid program looks like, its rule values and
// their limits, and which phase a day falls in. Pure: no database, no framework (type
// imports of the Prisma enums only). Every error is a code, a key under
// "programs.errors", attached to the form field it belongs to.

export type TFieldErrors = Record<string, string>;

// ── phases ──

export const PHASE_KINDS = ["PREPARATION", "IMPLEMENTATION", "ASSESSMENT"] as const satisfies readonly PhaseKind[];
export type TPhaseKind = (typeof PHASE_KINDS)[number];

export const PROGRAM_LEVELS = ["PROVINCE", "CITY", "COUNTY"] as const satisfies readonly ProgramLevel[];
export type TProgramLevel = (typeof PROGRAM_LEVELS)[number];

/** Form field of a phase date: "preparationStartsOn", "assessmentEndsOn" … */
export function phaseField(kind: TPhaseKind, end: "startsOn" | "endsOn"): string {
  return `${kind.toLowerCase()}${end === "startsOn" ? "StartsOn" : "EndsOn"}`;
}

export type TPhaseDates = Record<TPhaseKind, { startsOn: string; endsOn: string }>;

// A program of year Y may start preparing in the second half of Y-1 and finish its
// assessment in the first half of Y+1; anything further away is a typing mistake.
export function phaseWindow(year: number): { from: string; to: string } {
  return { from: `${year - 1}-07-01`, to: `${year + 1}-06-30` };
}

// ── rule values ──

export const RULE_KEYS = [
  "replyDeadlineDays",
  "parkReviewDeadlineDays",
  "escalateAfterDays",
  "bulletinAfterRemindDays",
  "quarterlyWindowDays",
  "renewalLeadDays",
  "bottomListSize",
  "autoCloseUnratedDays",
  "supplementDeadlineDays",
  "supportReportStartMonth",
  "supportReportDueDay",
  "supportReviewOffice",
] as const;
export type TRuleKey = (typeof RULE_KEYS)[number];
export type TProgramRules = Record<TRuleKey, number>;

/** Allowed range and default of every rule (days are working days except renewalLeadDays). */
export const RULE_LIMITS: Record<TRuleKey, { min: number; max: number; default: number }> = {
  replyDeadlineDays: { min: 3, max: 5, default: 5 },
  // The park window's review of a submitted item (园区审核) before it forwards or returns it.
  parkReviewDeadlineDays: { min: 1, max: 10, default: 2 },
  escalateAfterDays: { min: 0, max: 10, default: 0 },
  bulletinAfterRemindDays: { min: 1, max: 20, default: 5 },
  quarterlyWindowDays: { min: 1, max: 20, default: 7 },
  renewalLeadDays: { min: 1, max: 180, default: 30 },
  bottomListSize: { min: 1, max: 20, default: 5 },
  autoCloseUnratedDays: { min: 1, max: 30, default: 10 },
  // No seed document names a limit for 需补充材料; 10 working days (two weeks) matches the
  // unrated auto-close (docs/decisions/021-documents-loop.md).
  supplementDeadlineDays: { min: 3, max: 30, default: 10 },
  // 1+1 monthly reports: "从8月份开始，每个月底前…报帮扶计划、帮扶对象及帮扶进度" (the county plan
  // the program follows). The due day past a month's last day means its last day; the
  // reviewing office is 0 the central bank branch (the leading group's office sits there),
  // 1 the finance office (docs/decisions/027-support-reports.md).
  supportReportStartMonth: { min: 1, max: 12, default: 8 },
  supportReportDueDay: { min: 1, max: 31, default: 31 },
  supportReviewOffice: { min: 0, max: 1, default: 0 },
};

export const DEFAULT_RULES: TProgramRules = Object.fromEntries(RULE_KEYS.map((k) => [k, RULE_LIMITS[k].default])) as TProgramRules;

/** The rule keys whose values differ between two versions. */
export function changedRules(before: TProgramRules, after: TProgramRules): TRuleKey[] {
  return RULE_KEYS.filter((k) => before[k] !== after[k]);
}

// ── reading form values ──

const text = (v: unknown): string => (typeof v === "string" ? v.normalize("NFKC").trim() : typeof v === "number" ? String(v) : "");

/** A whole number typed in a form (full-width digits accepted): undefined when blank, NaN when not a whole number. */
export function readWholeNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isInteger(v) ? v : Number.NaN;
  const s = text(v);
  if (s === "") return undefined;
  return /^\d{1,6}$/.test(s) ? Number(s) : Number.NaN;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" of a real calendar day, or null. */
export function readIsoDay(v: unknown): string | null {
  const s = v instanceof Date ? (Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10)) : text(v).replace(/[/.]/g, "-");
  const m = ISO_DAY.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s ? s : null;
}

// 文号: issuing organ's abbreviation, year in 六角括号, serial number: 云金发〔2026〕3号.
// Other brackets people type ([] () （） 【】 ［］) are read as 〔〕.
export const DOC_NUMBER_PATTERN = /^[^\s〔〕]{1,30}〔\d{4}〕\d{1,4}号$/;

export function normalizeDocNumber(v: unknown): string {
  return text(v)
    .replace(/\s+/g, "")
    .replace(/^(.*?)[[(（【［〔](\d{4})[\])）】］〕]/u, "$1〔$2〕");
}

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 2000;
export const LEAD_UNITS_MAX = 20;
export const LEAD_UNIT_MAX = 60;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2099;

/** Lead units typed one per line (or given as a list): trimmed, blank lines and repeats dropped. */
export function readLeadUnits(v: unknown): string[] {
  const lines = Array.isArray(v)
    ? v.map(text)
    : text(v)
        .split(/\r?\n|[；;]/)
        .map((s) => s.trim());
  return [...new Set(lines.filter((s) => s !== ""))];
}

// ── checks ──

export function checkRules(draft: Record<string, unknown>): { rules?: TProgramRules; errors: TFieldErrors } {
  const errors: TFieldErrors = {};
  const rules = {} as TProgramRules;
  for (const key of RULE_KEYS) {
    const n = readWholeNumber(draft[key]);
    const { min, max } = RULE_LIMITS[key];
    if (n === undefined) errors[key] = "required";
    else if (Number.isNaN(n)) errors[key] = "wholeNumber";
    else if (n < min || n > max) errors[key] = `${key}Range`;
    else rules[key] = n;
  }
  return Object.keys(errors).length > 0 ? { errors } : { rules, errors };
}

/**
 * Each phase starts on or before its end, the three follow one another without overlap
 * (准备 → 实施 → 考核), and — when the year is known — all lie within `phaseWindow(year)`.
 */
export function checkPhases(draft: Record<string, unknown>, year: number | null): { phases?: TPhaseDates; errors: TFieldErrors } {
  const errors: TFieldErrors = {};
  const phases = {} as TPhaseDates;
  for (const kind of PHASE_KINDS) {
    const days = (["startsOn", "endsOn"] as const).map((end) => {
      const field = phaseField(kind, end);
      const raw = draft[field];
      const day = readIsoDay(raw);
      if (!day) errors[field] = text(raw) === "" && !(raw instanceof Date) ? "required" : "dateFormat";
      return day;
    });
    const [startsOn, endsOn] = days;
    if (startsOn && endsOn) {
      if (startsOn > endsOn) errors[phaseField(kind, "endsOn")] = "phaseEndBeforeStart";
      phases[kind] = { startsOn, endsOn };
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  PHASE_KINDS.forEach((kind, i) => {
    const previous = PHASE_KINDS[i - 1];
    if (previous && phases[kind].startsOn <= phases[previous].endsOn) errors[phaseField(kind, "startsOn")] = "phaseOrder";
  });
  if (year !== null) {
    const { from, to } = phaseWindow(year);
    for (const kind of PHASE_KINDS) {
      for (const end of ["startsOn", "endsOn"] as const) {
        const field = phaseField(kind, end);
        if (!errors[field] && (phases[kind][end] < from || phases[kind][end] > to)) errors[field] = "phaseOutsideYear";
      }
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { phases, errors };
}

export type TProgramDetails = {
  name: string;
  docNumber: string;
  leadUnits: string[];
  description: string | null;
  phases: TPhaseDates;
};

/** What the edit form changes: name, 文号, lead units, description and phases (the year is the stored one). */
export function checkProgramDetails(
  draft: Record<string, unknown>,
  year: number | null,
): { value?: TProgramDetails; errors: TFieldErrors } {
  const errors: TFieldErrors = {};
  const name = text(draft.name);
  if (name === "") errors.name = "required";
  else if (name.length > NAME_MAX) errors.name = "tooLong";
  const docNumber = normalizeDocNumber(draft.docNumber);
  if (docNumber === "") errors.docNumber = "required";
  else if (!DOC_NUMBER_PATTERN.test(docNumber)) errors.docNumber = "docNumberFormat";
  const leadUnits = readLeadUnits(draft.leadUnits);
  if (leadUnits.length === 0) errors.leadUnits = "leadUnitsRequired";
  else if (leadUnits.length > LEAD_UNITS_MAX) errors.leadUnits = "leadUnitsTooMany";
  else if (leadUnits.some((u) => u.length > LEAD_UNIT_MAX)) errors.leadUnits = "leadUnitTooLong";
  const rawDescription = typeof draft.description === "string" ? draft.description.trim() : "";
  if (rawDescription.length > DESCRIPTION_MAX) errors.description = "tooLong";
  const { phases, errors: phaseErrors } = checkPhases(draft, year);
  Object.assign(errors, phaseErrors);
  if (Object.keys(errors).length > 0 || !phases) return { errors };
  return { value: { name, docNumber, leadUnits, description: rawDescription === "" ? null : rawDescription, phases }, errors };
}

export type TNewProgram = TProgramDetails & { level: TProgramLevel; year: number; rules: TProgramRules };

/** The whole create form: details, level, year and the initial rules (version 1). */
export function checkNewProgram(draft: Record<string, unknown>): { value?: TNewProgram; errors: TFieldErrors } {
  const errors: TFieldErrors = {};
  const level = PROGRAM_LEVELS.find((l) => l === draft.level);
  if (!level) errors.level = "levelInvalid";
  const y = readWholeNumber(draft.year);
  let year: number | null = null;
  if (y === undefined) errors.year = "required";
  else if (Number.isNaN(y) || y < YEAR_MIN || y > YEAR_MAX) errors.year = "yearRange";
  else year = y;
  const details = checkProgramDetails(draft, year);
  const rules = checkRules(draft);
  Object.assign(errors, details.errors, rules.errors);
  if (Object.keys(errors).length > 0 || !details.value || !rules.rules || !level || year === null) return { errors };
  return { value: { ...details.value, level, year, rules: rules.rules }, errors };
}

/** A program (or its details) as flat form values, the shape the checks read: their inverse. */
export function toDraft(program: Partial<TNewProgram>): Record<string, unknown> {
  const { phases, rules, leadUnits, ...rest } = program;
  const draft: Record<string, unknown> = { ...rest, ...rules };
  if (leadUnits) draft.leadUnits = leadUnits.join("\n");
  for (const kind of PHASE_KINDS) {
    draft[phaseField(kind, "startsOn")] = phases?.[kind]?.startsOn;
    draft[phaseField(kind, "endsOn")] = phases?.[kind]?.endsOn;
  }
  return draft;
}

// ── phases in time ──

export type TPhaseSpan = { kind: PhaseKind; startsOn: Date | string; endsOn: Date | string };

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day of an instant (China has no DST). */
function shanghaiDay(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

// @db.Date columns arrive as UTC midnight of the day.
const dayOf = (d: Date | string): string => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * Whether the implementation phase (实施阶段) has begun on `now`'s Shanghai calendar day:
 * from its first day on, park–bank pairings of the program are locked. A program without
 * an implementation phase has not started it.
 */
export function isImplementationStarted(phases: ReadonlyArray<TPhaseSpan>, now: Date): boolean {
  const implementation = phases.find((p) => p.kind === "IMPLEMENTATION");
  return implementation !== undefined && shanghaiDay(now) >= dayOf(implementation.startsOn);
}

/** The phase `now`'s Shanghai day falls in, or null (before, between or after the phases). */
export function phaseAt(phases: ReadonlyArray<TPhaseSpan>, now: Date): PhaseKind | null {
  const today = shanghaiDay(now);
  return phases.find((p) => dayOf(p.startsOn) <= today && today <= dayOf(p.endsOn))?.kind ?? null;
}
