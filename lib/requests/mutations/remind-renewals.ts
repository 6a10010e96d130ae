/**
 * Renewal reminders (续贷提醒): a disbursed loan whose maturity is near —
 * maturesOn − renewalLeadDays ≤ today < maturesOn, calendar days, today in Shanghai,
 * renewalLeadDays from the current rule version of the loan's program (the newest one
 * already in effect; 30 when the loan has no request or the program no rule) — notifies
 * the bank and the enterprise once per loan (`loan.renewal:<loanId>`). A loan recorded
 * outside a request counts like a granted one; a cancelled loan does not.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { formatWanYuan } from "@/lib/i18n/format";
import { notifyMany } from "@/lib/notifications/mutations/notify";
import { DEFAULT_RENEWAL_LEAD_DAYS, eventsNotified, requestLink } from "@/lib/requests/deadline-scan";

type TTx = Prisma.TransactionClient;

type TLoan = {
  id: string;
  requestId: string | null;
  bankOrgId: string;
  enterpriseOrgId: string;
  enterpriseName: string;
  product: string;
  amountFen: string;
  maturesOn: Date;
};

export async function remindRenewals(tx: TTx, now: Date): Promise<number> {
  const today = shanghaiDateString(now);
  // The widest lead of any rule version bounds the maturity range (index on maturesOn).
  const loans = await tx.$queryRawUnsafe<TLoan[]>(
    `SELECT l.id::text AS id, l."requestId"::text AS "requestId", l."bankOrgId"::text AS "bankOrgId",
            e."orgId"::text AS "enterpriseOrgId", e.name AS "enterpriseName", l.product, l."amountFen"::text AS "amountFen", l."maturesOn"
       FROM "LoanOutcome" l
       JOIN "Enterprise" e ON e.id = l."enterpriseId"
       LEFT JOIN "Request" r ON r.id = l."requestId"
       LEFT JOIN LATERAL (
         SELECT v."renewalLeadDays" FROM "ProgramRuleVersion" v
          WHERE v."programId" = r."programId" AND v."effectiveFrom" <= $2::timestamptz
          ORDER BY v.version DESC LIMIT 1
       ) cur ON true
      WHERE l."disbursedOn" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "LoanCancellation" c WHERE c."loanId" = l.id)
        AND l."maturesOn" > $1::date
        AND l."maturesOn" <= $1::date + GREATEST($3::int, (SELECT COALESCE(max("renewalLeadDays"), 0) FROM "ProgramRuleVersion"))
        AND l."maturesOn" - COALESCE(cur."renewalLeadDays", $3::int) <= $1::date`,
    today,
    now.toISOString(),
    DEFAULT_RENEWAL_LEAD_DAYS,
  );
  const created = await notifyMany(
    tx,
    loans.map((l) => ({
      kind: "loan.renewal" as const,
      orgIds: [l.bankOrgId, l.enterpriseOrgId],
      requestId: l.requestId,
      link: l.requestId ? requestLink(l.requestId) : null,
      params: {
        product: l.product,
        enterprise: l.enterpriseName,
        amount: formatWanYuan(l.amountFen),
        maturesOn: l.maturesOn.toISOString().slice(0, 10),
      },
      dedupeKey: `loan.renewal:${l.id}`,
    })),
  );
  return eventsNotified(created);
}
