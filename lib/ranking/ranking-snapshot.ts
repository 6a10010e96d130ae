import type { TIndicatorKey } from "@/lib/ranking/indicators";
import type { TRuleSetItem, TScoringRule } from "@/lib/ranking/rules";
import type { TCostItem } from "@/lib/ranking/queries/compute-quarter-inputs";

// What a stored ranking was computed from (Ranking.snapshot), as read back from JSON:
// dates are ISO strings there. Written by mutations/ranking-compute.ts (and, for
// issuer/publishedAt, by the publication). Everything a published ranking shows comes
// from here and from its RankingEntry rows, never from live data.

export type TStoredBank = {
  bankOrgId: string;
  bankName: string;
  submittedAt: string | null;
  values: Record<TIndicatorKey, number | null>;
  costItems: Partial<Record<TIndicatorKey, TCostItem[]>>;
};

export type TRankingSnapshot = {
  /** "YEAR" for an annual assessment (inputs.quarter 0); absent for a quarter's ranking. */
  period?: "YEAR";
  program: { id: string; name: string; docNumber: string };
  ruleSet: { id: string; version: number; name: string };
  rules: TRuleSetItem[];
  bottomListSize: number;
  /** The annual assessment's top list: its first topListSize ranked banks. */
  topListSize?: number;
  /**
   * How banks without a quarterly return were treated: "unranked" (listed apart, see
   * compute-ranking.ts); absent in rankings computed before that rule, which ranked them
   * on their zeros and must keep reading as they were published.
   */
  missingReturn?: typeof MISSING_RETURN_UNRANKED;
  computedAt: string;
  inputs: { programId: string; year: number; quarter: number; computedAt: string; banks: TStoredBank[] };
  issuer?: { orgId: string; orgName: string };
  publishedAt?: string;
};

export type TBreakdownRow = {
  indicator: TIndicatorKey;
  value: number | null;
  rule: TScoringRule;
  points: number;
  maxPoints: number;
  costItems: TCostItem[];
};

export const MISSING_RETURN_UNRANKED = "unranked" as const;

/** True when the stored ranking listed this bank apart for having no quarterly return. */
export function hasMissingReturn(snapshot: TRankingSnapshot, bankOrgId: string): boolean {
  if (snapshot.missingReturn !== MISSING_RETURN_UNRANKED) return false;
  const bank = snapshot.inputs.banks.find((b) => b.bankOrgId === bankOrgId);
  return bank !== undefined && bank.submittedAt === null;
}

const EMPTY: TRankingSnapshot = {
  program: { id: "", name: "", docNumber: "" },
  ruleSet: { id: "", version: 0, name: "" },
  rules: [],
  bottomListSize: 0,
  computedAt: "",
  inputs: { programId: "", year: 0, quarter: 0, computedAt: "", banks: [] },
};

/** The stored JSON with defaults for anything missing (a snapshot is never rewritten). */
export function readSnapshot(json: unknown): TRankingSnapshot {
  const s = (json && typeof json === "object" ? json : {}) as Partial<TRankingSnapshot>;
  return { ...EMPTY, ...s, inputs: { ...EMPTY.inputs, ...(s.inputs ?? {}) } };
}

export function readBreakdown(json: unknown): TBreakdownRow[] {
  return Array.isArray(json) ? (json as TBreakdownRow[]) : [];
}
