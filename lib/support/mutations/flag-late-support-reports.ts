/**
 * The deadline scan's 1+1 step: monthly reports (帮扶进度月报) that are due today and not yet
 * filed get a reminder to the bank ("due"); months whose due day has passed with nothing
 * filed get an OVERDUE report row, flagged late, and a notice to the bank ("late"). Months
 * run from the program's supportReportStartMonth (or the month the pairing was made) to
 * the current one, in the pairing's year, Asia/Shanghai days.
 *
 * Once per report and stage, however many workers scan: the OVERDUE row is inserted
 * ON CONFLICT (pairing, month) DO NOTHING, so only the scan that creates it notifies, and
 * both notices carry a dedupe key (`support.due:<pairing>:<month>`, `support.late:<report>`).
 * A report filed late by the bank itself is flagged by the filing, not here.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyMany, type TNotifyInput } from "@/lib/notifications/mutations/notify";

type TTx = Prisma.TransactionClient;

// Every (pairing, reportable month) with its due day. Read once per step; the pairings
// of a city are thousands, the months at most twelve.
const MONTHS_SQL = `
  WITH rules AS (
    SELECT DISTINCT ON (v."programId") v."programId", v."supportReportStartMonth" AS start, v."supportReportDueDay" AS due
      FROM "ProgramRuleVersion" v
     ORDER BY v."programId", v.version DESC
  ), today AS (
    SELECT ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AS d
  )
  SELECT p.id AS "pairingId", p."bankOrgId", e.name AS enterprise, m::date AS month,
         LEAST(m::date + (r.due - 1), (m + interval '1 month' - interval '1 day')::date) AS "dueOn",
         today.d AS today
    FROM "EnterpriseBankPairing" p
    JOIN rules r ON r."programId" = p."programId"
    JOIN "Enterprise" e ON e.id = p."enterpriseId"
    CROSS JOIN today
    CROSS JOIN LATERAL generate_series(
      GREATEST(make_date(p.year, r.start, 1), date_trunc('month', (p."createdAt" AT TIME ZONE 'Asia/Shanghai'))::date),
      LEAST(make_date(p.year, 12, 1), date_trunc('month', today.d)::date),
      interval '1 month') m
   WHERE p."endedAt" IS NULL`;

export type TSupportScanResult = { reminded: number; flagged: number };

export async function flagLateSupportReports(tx: TTx, now: Date): Promise<TSupportScanResult> {
  // Due today and nothing filed yet (no report, or only the office's return waiting): a reminder.
  const dueToday = await tx.$queryRawUnsafe<{ pairingId: string; bankOrgId: string; enterprise: string; month: Date; dueOn: Date }[]>(
    `WITH months AS (${MONTHS_SQL})
     SELECT m."pairingId"::text, m."bankOrgId"::text, m.enterprise, m.month, m."dueOn"
       FROM months m
      WHERE m."dueOn" = m.today
        AND NOT EXISTS (SELECT 1 FROM "SupportReport" s WHERE s."pairingId" = m."pairingId" AND s.month = m.month AND s.status IN ('FILED', 'ACCEPTED'))`,
    now,
  );
  // Past due with nothing filed: the OVERDUE row, created once.
  const flagged = await tx.$queryRawUnsafe<{ id: string; bankOrgId: string; enterprise: string; month: Date; dueOn: Date }[]>(
    `WITH months AS (${MONTHS_SQL}),
     inserted AS (
       INSERT INTO "SupportReport" (id, "pairingId", "bankOrgId", month, "dueOn", status, "lateAt", "updatedAt")
       SELECT gen_random_uuid(), m."pairingId", m."bankOrgId", m.month, m."dueOn", 'OVERDUE', $1::timestamptz, $1::timestamptz
         FROM months m
        WHERE m."dueOn" < m.today
       ON CONFLICT ("pairingId", month) DO NOTHING
       RETURNING id, "pairingId", "bankOrgId", month, "dueOn"
     )
     SELECT i.id::text, i."bankOrgId"::text, e.name AS enterprise, i.month, i."dueOn"
       FROM inserted i
       JOIN "EnterpriseBankPairing" p ON p.id = i."pairingId"
       JOIN "Enterprise" e ON e.id = p."enterpriseId"`,
    now,
  );
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const notices: TNotifyInput[] = [
    ...dueToday.map((r): TNotifyInput => ({
      kind: "support.reportDue",
      orgIds: [r.bankOrgId],
      link: `/support/${r.pairingId}`,
      params: { enterprise: r.enterprise, month: day(r.month).slice(0, 7), dueOn: day(r.dueOn) },
      dedupeKey: `support.due:${r.pairingId}:${day(r.month).slice(0, 7)}`,
    })),
    ...flagged.map((r): TNotifyInput => ({
      kind: "support.reportLate",
      orgIds: [r.bankOrgId],
      link: `/support/reports/${r.id}`,
      params: { enterprise: r.enterprise, month: day(r.month).slice(0, 7), dueOn: day(r.dueOn) },
      dedupeKey: `support.late:${r.id}`,
    })),
  ];
  await notifyMany(tx, notices);
  return { reminded: dueToday.length, flagged: flagged.length };
}
