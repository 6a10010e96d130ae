import type { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/ids";
import type { TRuleSetItem } from "@/lib/ranking/rules";
import type { TAssessmentPeriod } from "@/lib/ranking/indicators";
import { ZRuleSet } from "@/lib/ranking/schemas";

// Scoring rule sets are the program's published assessment method (the city's plan, like
// the program rules), not tenant data: no organization scope. Versions are immutable: a
// change is always version N+1 (see mutations/rule-set-save.ts), so a ranking's
// ruleSetId always points at exactly the rules that produced it.

type TDb = Pick<Prisma.TransactionClient, "scoringRuleSet">;

export type TRuleSetView = {
  id: string;
  programId: string;
  version: number;
  name: string;
  /** null when the stored JSON does not pass ZRuleSet (e.g. written by an older seed). */
  rules: TRuleSetItem[] | null;
  createdAt: Date;
  createdByName: string | null;
  rankingCount: number;
};

/** The stored JSON as rule-set items, or null when it is not a valid rule set. */
export function parseStoredRules(json: unknown): TRuleSetItem[] | null {
  const parsed = ZRuleSet.safeParse(json);
  return parsed.success ? (parsed.data as TRuleSetItem[]) : null;
}

const SELECT = {
  id: true,
  programId: true,
  version: true,
  name: true,
  rules: true,
  createdAt: true,
  createdBy: { select: { name: true } },
  _count: { select: { rankings: true } },
} as const;

type TRow = Prisma.ScoringRuleSetGetPayload<{ select: typeof SELECT }>;

function toView(row: TRow): TRuleSetView {
  return {
    id: row.id,
    programId: row.programId,
    version: row.version,
    name: row.name,
    rules: parseStoredRules(row.rules),
    createdAt: row.createdAt,
    createdByName: row.createdBy?.name ?? null,
    rankingCount: row._count.rankings,
  };
}

// The quarterly ranking and the annual assessment each have their own rules, versioned
// separately (ScoringRuleSet.period); QUARTER unless asked.

/** Every version of a program's rule set for the period, newest first; empty for an unknown id. */
export async function listRuleSets(db: TDb, programId: string, period: TAssessmentPeriod = "QUARTER"): Promise<TRuleSetView[]> {
  if (!isUuid(programId)) return [];
  const rows = await db.scoringRuleSet.findMany({ where: { programId, period }, select: SELECT, orderBy: { version: "desc" } });
  return rows.map(toView);
}

/** The period's highest version: what its next ranking is computed with; null when none. */
export async function getCurrentRuleSet(db: TDb, programId: string, period: TAssessmentPeriod = "QUARTER"): Promise<TRuleSetView | null> {
  if (!isUuid(programId)) return null;
  const row = await db.scoringRuleSet.findFirst({ where: { programId, period }, select: SELECT, orderBy: { version: "desc" } });
  return row ? toView(row) : null;
}
