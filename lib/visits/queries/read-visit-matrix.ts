/**
 * The park × bank visit matrix of a half-year for the finance office's dashboard: every
 * pairing of the program's year that has not ended, with how many of the half-year's
 * visits the bank led or took part in are confirmed and clean, confirmed and flagged
 * (another leader), or still unconfirmed. One grouped statement: the pairings by the
 * program's unique index, the visits by ParkVisit(parkId, visitedOn).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PairingRole } from "@/lib/generated/prisma/enums";
import type { THalfYear } from "@/lib/dashboard/park-visits";
import { visitCellState, type TVisitCellState } from "@/lib/visits/rules";

export type TVisitMatrixCell = {
  parkId: string;
  parkName: string;
  bankOrgId: string;
  bankName: string;
  role: PairingRole;
  visited: number;
  flagged: number;
  pending: number;
  state: TVisitCellState;
};

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export async function readVisitMatrix(db: TDb, programId: string, half: THalfYear): Promise<TVisitMatrixCell[]> {
  const rows = await db.$queryRaw<Omit<TVisitMatrixCell, "state">[]>`
    SELECT p."parkId"::text AS "parkId", po.name AS "parkName", p."bankOrgId"::text AS "bankOrgId",
           COALESCE(bo."shortName", bo.name) AS "bankName", p.role::text AS role,
           count(v.id) FILTER (WHERE v.status = 'CONFIRMED' AND NOT v."leaderMismatch")::int AS visited,
           count(v.id) FILTER (WHERE v.status = 'CONFIRMED' AND v."leaderMismatch")::int AS flagged,
           count(v.id) FILTER (WHERE v.status = 'RECORDED')::int AS pending
      FROM "ParkBankPairing" p
      JOIN "Park" pk ON pk.id = p."parkId"
      JOIN "Organization" po ON po.id = pk."orgId"
      JOIN "Organization" bo ON bo.id = p."bankOrgId"
      LEFT JOIN "ParkVisit" v
        ON v."parkId" = p."parkId"
       AND v."visitedOn" BETWEEN ${half.firstDay}::date AND ${half.lastDay}::date
       AND (v."bankOrgId" = p."bankOrgId" OR p."bankOrgId" = ANY (v."participantOrgIds"))
     WHERE p."programId" = ${programId}::uuid AND p.year = ${half.year}::int AND p."endedAt" IS NULL
     GROUP BY p."parkId", po.name, p."bankOrgId", bo."shortName", bo.name, p.role
     ORDER BY po.name, p."parkId", p.role, COALESCE(bo."shortName", bo.name), p."bankOrgId"`;
  return rows.map((r) => ({ ...r, state: visitCellState(r) }));
}
