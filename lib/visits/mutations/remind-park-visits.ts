/**
 * The half-yearly visit reminder (a step of the deadline scan): from the first day of the
 * half-year's last month (about one month before it ends) each park ↔ main bank pairing of
 * the year with no visit recorded in the half-year notifies the bank and the park window,
 * once per pairing and half-year (`visit.due:<2026H1>:<parkId>:<bankOrgId>`, so repeated
 * scans and several workers send it once). One statement finds the pairings.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { halfYearOf } from "@/lib/dashboard/park-visits";
import { notifyMany } from "@/lib/notifications/mutations/notify";
import { eventsNotified } from "@/lib/requests/deadline-scan";
import { halfYearKey, visitReminderOpen } from "@/lib/visits/rules";

type TTx = Prisma.TransactionClient;

type TDue = { parkId: string; parkOrgId: string; parkName: string; bankOrgId: string; bankName: string };

export async function remindParkVisits(tx: TTx, now: Date): Promise<number> {
  const half = halfYearOf(now);
  if (!visitReminderOpen(half, now)) return 0;
  const due = await tx.$queryRaw<TDue[]>`
    SELECT DISTINCT p."parkId"::text AS "parkId", pk."orgId"::text AS "parkOrgId", po.name AS "parkName",
           p."bankOrgId"::text AS "bankOrgId", bo.name AS "bankName"
      FROM "ParkBankPairing" p
      JOIN "Park" pk ON pk.id = p."parkId"
      JOIN "Organization" po ON po.id = pk."orgId"
      JOIN "Organization" bo ON bo.id = p."bankOrgId"
     WHERE p.year = ${half.year}::int AND p.role = 'MAIN' AND p."endedAt" IS NULL AND po.active AND bo.active
       AND NOT EXISTS (
         SELECT 1 FROM "ParkVisit" v
          WHERE v."parkId" = p."parkId" AND v."bankOrgId" = p."bankOrgId"
            AND v."visitedOn" BETWEEN ${half.firstDay}::date AND ${half.lastDay}::date)`;
  const key = halfYearKey(half);
  const created = await notifyMany(
    tx,
    due.map((d) => ({
      kind: "visit.due" as const,
      orgIds: [d.bankOrgId, d.parkOrgId],
      link: "/visits",
      params: { park: d.parkName, bank: d.bankName, lastDay: half.lastDay },
      dedupeKey: `visit.due:${key}:${d.parkId}:${d.bankOrgId}`,
    })),
  );
  return eventsNotified(created);
}
