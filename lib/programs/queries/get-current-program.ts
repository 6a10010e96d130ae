import type { Prisma } from "@/lib/generated/prisma/client";
import type { PhaseKind, ProgramLevel } from "@/lib/generated/prisma/enums";
import { revisionMemo } from "@/lib/cache-revisions/revision-memo";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { isUuid } from "@/lib/ids";
import { PHASE_KINDS, RULE_KEYS, type TProgramRules } from "@/lib/programs/rules";

// For the other modules: the program that applies now, its phases and its current rules.
// Programs are the city's published plan, not tenant data: no organization scope.

type TDb = Pick<Prisma.TransactionClient, "program" | "programPhase" | "programRuleVersion">;

/** Phase dates are @db.Date: UTC midnight of the day ("2026-04-01T00:00:00Z"). */
export type TProgramPhase = { kind: PhaseKind; startsOn: Date; endsOn: Date };

export type TRuleVersion = TProgramRules & { id: string; version: number; effectiveFrom: Date };

export type TCurrentProgram = {
  id: string;
  name: string;
  docNumber: string;
  level: ProgramLevel;
  year: number;
  leadUnits: string[];
  phases: TProgramPhase[]; // 准备, 实施, 考核
  rules: TRuleVersion | null; // the newest version
};

const PHASE_SELECT = { kind: true, startsOn: true, endsOn: true } as const;
export const RULE_VERSION_SELECT = {
  id: true,
  version: true,
  effectiveFrom: true,
  ...Object.fromEntries(RULE_KEYS.map((k) => [k, true])),
} as { id: true; version: true; effectiveFrom: true } & Record<(typeof RULE_KEYS)[number], true>;

/** Phases in their order (准备 → 实施 → 考核), whatever order the database returns. */
export function sortPhases<T extends { kind: PhaseKind }>(phases: T[]): T[] {
  return [...phases].sort((a, b) => PHASE_KINDS.indexOf(a.kind) - PHASE_KINDS.indexOf(b.kind));
}

/**
 * The active program of `year` (default: this year in Asia/Shanghai), the newest one
 * when there are several, with its phases and current rule version; null when none.
 * Every dashboard view asks for it, and it changes a few times a year: a render reuses
 * the year's program this process read under the revision its session statement read
 * (CacheRevision 'program', raised by triggers on every change to Program, ProgramPhase and
 * ProgramRuleVersion; revisionMemo). Callers must not change the object they are given.
 */
export function getCurrentProgram(db: TDb, year?: number, now: Date = new Date()): Promise<TCurrentProgram | null> {
  const y = year ?? Number(shanghaiDateString(now).slice(0, 4));
  return programsOfYears(db, String(y), () => readCurrentProgram(db, y));
}

const programsOfYears = revisionMemo<TCurrentProgram | null>("program", 16);

async function readCurrentProgram(db: TDb, year: number): Promise<TCurrentProgram | null> {
  const program = await db.program.findFirst({
    where: { year, active: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      docNumber: true,
      level: true,
      year: true,
      leadUnits: true,
      phases: { select: PHASE_SELECT },
      ruleVersions: { select: RULE_VERSION_SELECT, orderBy: { version: "desc" }, take: 1 },
    },
  });
  if (!program) return null;
  const { ruleVersions, phases, ...rest } = program;
  return { ...rest, phases: sortPhases(phases), rules: ruleVersions[0] ?? null };
}

/** A program's phases in order; empty for an unknown id. */
export async function getProgramPhases(db: TDb, programId: string): Promise<TProgramPhase[]> {
  if (!isUuid(programId)) return [];
  return sortPhases(await db.programPhase.findMany({ where: { programId }, select: PHASE_SELECT }));
}

/** The newest rule version of a program (what a new item starts under); null for an unknown id. */
export async function getCurrentRuleVersion(db: TDb, programId: string): Promise<TRuleVersion | null> {
  if (!isUuid(programId)) return null;
  return db.programRuleVersion.findFirst({ where: { programId }, orderBy: { version: "desc" }, select: RULE_VERSION_SELECT });
}
