import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProgramLevel } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { RULE_VERSION_SELECT, sortPhases, type TProgramPhase, type TRuleVersion } from "@/lib/programs/queries/get-current-program";

type TDb = Pick<Prisma.TransactionClient, "program">;

export type TProgramRow = {
  id: string;
  name: string;
  docNumber: string;
  level: ProgramLevel;
  year: number;
  active: boolean;
  phases: TProgramPhase[];
  currentVersion: number | null;
};

export const PROGRAMS_PAGE_SIZE = 50;

/** Every program, newest year first (a handful a year: a plain page of 50). */
export async function listPrograms(
  db: TDb,
  options: { page?: number } = {},
): Promise<{ rows: TProgramRow[]; total: number; page: number; pageSize: number }> {
  const page = Math.max(1, Math.floor(options.page ?? 1) || 1);
  const [programs, total] = await Promise.all([
    db.program.findMany({
      select: {
        id: true,
        name: true,
        docNumber: true,
        level: true,
        year: true,
        active: true,
        phases: { select: { kind: true, startsOn: true, endsOn: true } },
        ruleVersions: { select: { version: true }, orderBy: { version: "desc" }, take: 1 },
      },
      orderBy: [{ year: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PROGRAMS_PAGE_SIZE,
      take: PROGRAMS_PAGE_SIZE,
    }),
    db.program.count(),
  ]);
  return {
    rows: programs.map(({ ruleVersions, phases, ...p }) => ({
      ...p,
      phases: sortPhases(phases),
      currentVersion: ruleVersions[0]?.version ?? null,
    })),
    total,
    page,
    pageSize: PROGRAMS_PAGE_SIZE,
  };
}

export type TRuleHistoryEntry = TRuleVersion & { createdAt: Date; createdBy: { name: string; orgName: string } | null };

export type TProgramDetail = {
  id: string;
  name: string;
  docNumber: string;
  level: ProgramLevel;
  year: number;
  leadUnits: string[];
  description: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  phases: TProgramPhase[];
  /** Newest first. */
  ruleVersions: TRuleHistoryEntry[];
};

/** One program with its phases and every rule version (who, when, each value); null when unknown. */
export async function getProgram(db: TDb, programId: string): Promise<TProgramDetail | null> {
  if (!isUuid(programId)) return null;
  const program = await db.program.findUnique({
    where: { id: programId },
    select: {
      id: true,
      name: true,
      docNumber: true,
      level: true,
      year: true,
      leadUnits: true,
      description: true,
      active: true,
      createdAt: true,
      updatedAt: true,
      phases: { select: { kind: true, startsOn: true, endsOn: true } },
      ruleVersions: {
        select: { ...RULE_VERSION_SELECT, createdAt: true, createdBy: { select: { name: true, org: { select: { name: true } } } } },
        orderBy: { version: "desc" },
      },
    },
  });
  if (!program) return null;
  return {
    ...program,
    phases: sortPhases(program.phases),
    ruleVersions: program.ruleVersions.map(({ createdBy, ...v }) => ({
      ...v,
      createdBy: createdBy ? { name: createdBy.name, orgName: createdBy.org.name } : null,
    })),
  };
}
