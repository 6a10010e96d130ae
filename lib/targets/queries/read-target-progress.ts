/**
 * Target against actual for the program year, one row per bank in the viewer's scope:
 * the bank's credit target in force (its newest version) and, year to date, what its
 * accepted quarterly returns report (the loan increments summed; the households as the
 * newest accepted return states them: lib/targets/rules.ts). One statement per view.
 *
 * Scope, in the statement's own where clause:
 * - finance office and central bank: every bank paired for the year or given a target;
 * - a bank: its own line, i.e. itself, the banks above it (the branch that files the
 *   returns for a sub-branch and carries the target) and its branches;
 * - a park: the banks paired with it (not ended), each with the part of its increment
 *   made in this park;
 * - anyone else: nothing.
 * Index-backed: targets by (programId, year, bankOrgId, version), returns by their unique
 * (programId, bankOrgId, year, quarter), figures by (submissionId, parkId), pairings by
 * (programId, year, parkId, bankOrgId); nothing here grows with enterprises or items. The
 * rows are kept per process under the banks' cache revision, which every change to those
 * tables raises, so a dashboard opened again reads nothing here.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { revisionMemo } from "@/lib/cache-revisions/revision-memo";
import { attainmentPercent, type TTargetMeasure } from "@/lib/targets/rules";

export type TTargetFigures = { amountFen: string; borrowers: number; firstLoans: number; creditLoans: number };

export type TTargetProgressRow = {
  bankOrgId: string;
  bankName: string;
  /** The target in force, or null when none is set for the year. */
  target: (TTargetFigures & { version: number; setAt: Date }) | null;
  /** Year to date from the accepted returns; zeros when none is accepted yet. */
  actual: TTargetFigures & { acceptedQuarters: number; latestQuarter: number | null };
  /** Park view only: the increment this bank reported for the viewing park. */
  parkAmountFen: string | null;
  /** Percent of target reached per measure; null without a target. */
  attainment: Record<TTargetMeasure, number | null>;
};

type TScope = "all" | "bank" | "park";

function scopeOf(actor: TActor): TScope | null {
  const area = areaOfRole(actor.role);
  if ((area === "finance" || area === "pbc") && canActor(actor, "submissions.read")) return "all";
  if (area === "bank") return "bank";
  if (area === "park") return "park";
  return null;
}

// The banks each scope may see; $1 the year, $3 the actor's organization.
const SCOPE_SQL: Record<TScope, string> = {
  all: `SELECT p."bankOrgId" AS id FROM "ParkBankPairing" p WHERE p."programId" = (SELECT id FROM prog) AND p.year = $1
        UNION SELECT t."bankOrgId" FROM "BankCreditTarget" t WHERE t."programId" = (SELECT id FROM prog) AND t.year = $1`,
  bank: `SELECT id FROM up UNION SELECT id FROM down`,
  park: `SELECT p."bankOrgId" AS id FROM "ParkBankPairing" p
          WHERE p."programId" = (SELECT id FROM prog) AND p.year = $1 AND p."parkId" = (SELECT id FROM "Park" WHERE "orgId" = $3::uuid) AND p."endedAt" IS NULL`,
};

// A bank's line: upwards through its parents and downwards through its branches.
const LINE_SQL = `up AS (
    SELECT id, "parentId" FROM "Organization" WHERE id = $3::uuid AND kind = 'BANK'
    UNION ALL SELECT o.id, o."parentId" FROM "Organization" o JOIN up ON o.id = up."parentId" WHERE o.kind = 'BANK'
  ), down AS (
    SELECT id FROM "Organization" WHERE id = $3::uuid AND kind = 'BANK'
    UNION ALL SELECT o.id FROM "Organization" o JOIN down ON o."parentId" = down.id WHERE o.kind = 'BANK'
  ),`;

type TRaw = {
  bankOrgId: string;
  bankName: string;
  version: number | null;
  setAt: Date | null;
  targetAmountFen: string | null;
  targetBorrowers: number | null;
  targetFirstLoans: number | null;
  targetCreditLoans: number | null;
  amountFen: string | null;
  parkAmountFen: string | null;
  acceptedQuarters: number | null;
  latestQuarter: number | null;
  borrowers: number | null;
  firstLoans: number | null;
  creditLoans: number | null;
};

function statement(scope: TScope): string {
  return `WITH RECURSIVE prog AS (
    -- The program given ($2), else the year's active program as getCurrentProgram picks it.
    SELECT id FROM "Program" WHERE year = $1 AND (id = $2::uuid OR ($2::uuid IS NULL AND active))
     ORDER BY "createdAt" DESC, id DESC LIMIT 1
  ), ${scope === "bank" ? LINE_SQL : ""}
  banks AS (${SCOPE_SQL[scope]}),
  t AS (
    SELECT DISTINCT ON (t."bankOrgId") t."bankOrgId", t.version, t."createdAt", t."amountFen", t.borrowers, t."firstLoans", t."creditLoans"
      FROM "BankCreditTarget" t
     WHERE t."programId" = (SELECT id FROM prog) AND t.year = $1 AND t."bankOrgId" IN (SELECT id FROM banks)
     ORDER BY t."bankOrgId", t.version DESC
  ), s AS (
    SELECT s.id, s."bankOrgId", s.quarter FROM "QuarterlySubmission" s
     WHERE s."programId" = (SELECT id FROM prog) AND s.year = $1 AND s.status = 'ACCEPTED' AND s."bankOrgId" IN (SELECT id FROM banks)
  ), latest AS (
    SELECT DISTINCT ON (s."bankOrgId") s.id, s."bankOrgId", s.quarter FROM s ORDER BY s."bankOrgId", s.quarter DESC
  ), amounts AS (
    SELECT s."bankOrgId", sum(f."loanIncrementFen") AS "amountFen", count(DISTINCT s.id)::int AS "acceptedQuarters",
           sum(f."loanIncrementFen") FILTER (WHERE ${scope === "park" ? `f."parkId" = (SELECT id FROM "Park" WHERE "orgId" = $3::uuid)` : "false"}) AS "parkAmountFen"
      FROM s JOIN "QuarterlyParkFigure" f ON f."submissionId" = s.id GROUP BY s."bankOrgId"
  ), households AS (
    SELECT l."bankOrgId", l.quarter, sum(f.borrowers)::int AS borrowers, sum(f."firstLoans")::int AS "firstLoans", sum(f."creditLoans")::int AS "creditLoans"
      FROM latest l JOIN "QuarterlyParkFigure" f ON f."submissionId" = l.id GROUP BY l."bankOrgId", l.quarter
  )
  SELECT o.id::text AS "bankOrgId", coalesce(o."shortName", o.name) AS "bankName",
         t.version, t."createdAt" AS "setAt", t."amountFen"::text AS "targetAmountFen", t.borrowers AS "targetBorrowers",
         t."firstLoans" AS "targetFirstLoans", t."creditLoans" AS "targetCreditLoans",
         a."amountFen"::text AS "amountFen", a."parkAmountFen"::text AS "parkAmountFen", a."acceptedQuarters",
         h.quarter AS "latestQuarter", h.borrowers, h."firstLoans", h."creditLoans"
    FROM "Organization" o
    LEFT JOIN t ON t."bankOrgId" = o.id
    LEFT JOIN amounts a ON a."bankOrgId" = o.id
    LEFT JOIN households h ON h."bankOrgId" = o.id
   WHERE o.id IN (SELECT id FROM banks)${scope === "bank" ? ` AND (t."bankOrgId" IS NOT NULL OR a."bankOrgId" IS NOT NULL)` : ""}
   ORDER BY o.name, o.id`;
}

export async function readTargetProgress(
  db: PrismaClient,
  actor: TActor,
  /** Without a programId, the year's active program (the dashboards). */
  input: { year: number; programId?: string },
): Promise<TTargetProgressRow[]> {
  const scope = scopeOf(actor);
  if (!scope) return [];
  // Every scope but "all" names the actor's organization ($3).
  const params: unknown[] = [input.year, input.programId ?? null];
  if (scope !== "all") params.push(actor.orgId);
  return rowsOfBanks(db, `${scope}|${params.join("|")}`, async () =>
    (await db.$queryRawUnsafe<TRaw[]>(statement(scope), ...params)).map(toRow),
  );
}

// Kept per process until a target, a return, a pairing, a program or a bank changes.
const rowsOfBanks = revisionMemo<TTargetProgressRow[]>("banks");

function toRow(r: TRaw): TTargetProgressRow {
  const target =
    r.version === null
      ? null
      : {
          version: r.version,
          setAt: r.setAt!,
          amountFen: r.targetAmountFen!,
          borrowers: r.targetBorrowers!,
          firstLoans: r.targetFirstLoans!,
          creditLoans: r.targetCreditLoans!,
        };
  const actual = {
    amountFen: r.amountFen ?? "0",
    borrowers: r.borrowers ?? 0,
    firstLoans: r.firstLoans ?? 0,
    creditLoans: r.creditLoans ?? 0,
    acceptedQuarters: r.acceptedQuarters ?? 0,
    latestQuarter: r.latestQuarter,
  };
  return {
    bankOrgId: r.bankOrgId,
    bankName: r.bankName,
    target,
    actual,
    parkAmountFen: r.parkAmountFen,
    attainment: {
      amount: attainmentPercent(BigInt(actual.amountFen), target ? BigInt(target.amountFen) : null),
      borrowers: attainmentPercent(actual.borrowers, target?.borrowers ?? null),
      firstLoans: attainmentPercent(actual.firstLoans, target?.firstLoans ?? null),
      creditLoans: attainmentPercent(actual.creditLoans, target?.creditLoans ?? null),
    },
  };
}
