import type { Prisma } from "@/lib/generated/prisma/client";
import { revisionMemo } from "@/lib/cache-revisions/revision-memo";
import { DEFAULT_RULES } from "@/lib/programs/rules";
import { lastEndedQuarter } from "@/lib/submissions/quarter";

// Programs are the city's published plan, not tenant data: no organization scope.

export type TSubmissionProgram = { id: string; name: string; year: number };

/** Active programs, newest year first (the filter of the submissions pages). */
export async function listSubmissionPrograms(db: Pick<Prisma.TransactionClient, "program">): Promise<TSubmissionProgram[]> {
  return db.program.findMany({
    where: { active: true },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, year: true },
  });
}

/**
 * The program shown: the one asked for if it exists; else the newest program of the year
 * of the last ended quarter (in January that is still last year's program, whose fourth
 * quarter is due); else the newest one.
 */
export function pickProgram(programs: readonly TSubmissionProgram[], requested: string | undefined, now: Date): TSubmissionProgram | null {
  const asked = requested ? programs.find((p) => p.id === requested) : undefined;
  if (asked) return asked;
  const year = lastEndedQuarter(now).year;
  return programs.find((p) => p.year === year) ?? programs.find((p) => p.year <= year + 1) ?? programs[0] ?? null;
}

/**
 * The program's window in working days (newest rule version; the default rule without
 * one). Kept per process under the programs' cache revision, which a new rule version
 * raises: the bank and finance dashboards and the submissions page ask on every view.
 */
export function windowDaysOf(db: Pick<Prisma.TransactionClient, "programRuleVersion">, programId: string): Promise<number> {
  return windowsOfPrograms(db, programId, async () => {
    const rules = await db.programRuleVersion.findFirst({
      where: { programId },
      orderBy: { version: "desc" },
      select: { quarterlyWindowDays: true },
    });
    return rules?.quarterlyWindowDays ?? DEFAULT_RULES.quarterlyWindowDays;
  });
}

const windowsOfPrograms = revisionMemo<number>("program", 64);
