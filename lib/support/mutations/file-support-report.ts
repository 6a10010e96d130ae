import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor, type TActor } from "@/lib/auth/permissions";
import type { TScopeContext } from "@/lib/auth/scopes";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations/notify";
import type { TFileSupportReportInput } from "@/lib/support/schemas";
import { supportPairingScope } from "@/lib/support/scopes";
import { canSupportStep, isLateFiling, isReportingMonth, monthStart, reportDueOn, reviewingOfficeKind } from "@/lib/support/rules";

export type TSupportReportFiled = { reportId: string; revision: number; version: number; late: boolean };

/**
 * The bank files (or refiles) a pairing's monthly report: a first filing creates the
 * report (or takes over the deadline scan's OVERDUE row), a refiling after a return adds
 * revision N+1 — the earlier revisions stay as they were (the table refuses UPDATE). Only
 * the pairing's own bank (or a parent bank) may file; the form's version must be the
 * report's (stale → "conflict"); FILED and ACCEPTED reports cannot be filed again
 * ("invalidState"). The reviewing office named by the program's rules is notified.
 */
export async function fileSupportReport(
  db: PrismaClient,
  actor: TActor,
  ctx: TScopeContext,
  input: TFileSupportReportInput,
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<TSupportReportFiled> {
  if (!canActor(actor, "pairings.reportProgress") || areaOfRole(actor.role) !== "bank") throw new AppError("forbidden");
  try {
    return await db.$transaction(async (tx) => {
      const pairing = await tx.enterpriseBankPairing.findFirst({
        where: { AND: [{ id: input.pairingId, endedAt: null }, supportPairingScope(actor, ctx)] },
        select: {
          id: true,
          year: true,
          bankOrgId: true,
          programId: true,
          enterprise: { select: { name: true } },
          program: { select: { ruleVersions: { orderBy: { version: "desc" }, take: 1 } } },
        },
      });
      if (!pairing) throw new AppError("notFound");
      const rules = pairing.program.ruleVersions[0];
      const startMonth = rules?.supportReportStartMonth ?? 8;
      if (!isReportingMonth(input.month, pairing.year, startMonth, now)) throw new AppError("invalidInput", { month: "notReportingMonth" });
      const month = monthStart(input.month);
      // Serialises two filings of the same month: the second waits, then sees the first.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`support:${pairing.id}:${input.month}`}))`;
      const existing = await tx.supportReport.findUnique({
        where: { pairingId_month: { pairingId: pairing.id, month } },
        select: { id: true, status: true, version: true, revision: true, dueOn: true, lateAt: true },
      });
      if ((existing?.version ?? 0) !== input.version) throw new AppError("conflict");
      if (!canSupportStep("file", existing?.status ?? null)) throw new AppError("invalidState");
      const dueOn = existing?.dueOn ?? reportDueOn(input.month, rules?.supportReportDueDay ?? 31);
      const revision = (existing?.revision ?? 0) + 1;
      // Only a first filing can be late: a refiling answers the office's return, whenever it came.
      const late = revision === 1 && (existing?.lateAt != null || isLateFiling(dueOn, now));
      const version = (existing?.version ?? 0) + 1;
      const credit = BigInt(input.creditGrantedFen);
      const data = {
        status: "FILED" as const,
        revision,
        version,
        creditGrantedFen: credit,
        filedAt: now,
        returnReason: null,
        ...(late && !existing?.lateAt ? { lateAt: now } : {}),
      };
      const report = existing
        ? await tx.supportReport.update({ where: { id: existing.id }, data, select: { id: true } })
        : await tx.supportReport.create({
            data: { ...data, pairingId: pairing.id, bankOrgId: pairing.bankOrgId, month, dueOn },
            select: { id: true },
          });
      await tx.supportReportRevision.create({
        data: {
          reportId: report.id,
          revision,
          plan: input.plan,
          progress: input.progress,
          creditGrantedFen: credit,
          activities: input.activities,
          late,
          filedById: actor.userId,
          filedAt: now,
        },
      });
      await writeAudit(tx, {
        action: revision === 1 ? "support.reportFiled" : "support.reportRefiled",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "SupportReport",
        targetId: report.id,
        ...meta,
        details: {
          pairingId: pairing.id,
          month: input.month,
          revision,
          late,
          creditGrantedFen: credit.toString(),
          activities: input.activities.length,
        },
      });
      const office = await tx.organization.findMany({
        where: { kind: reviewingOfficeKind(rules?.supportReviewOffice ?? 0), active: true },
        select: { id: true },
      });
      await notify(tx, {
        kind: "support.reportFiled",
        orgIds: office.map((o) => o.id),
        link: `/support/reports/${report.id}`,
        params: { enterprise: pairing.enterprise.name, month: input.month, revision },
        dedupeKey: `support.reportFiled:${report.id}:${revision}`,
      });
      return { reportId: report.id, revision, version, late };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict");
    throw error;
  }
}
