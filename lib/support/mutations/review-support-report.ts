import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations/notify";
import { promoteOnCredit } from "@/lib/support/mutations/promote-on-credit";
import { canSupportStep, monthOf, reviewingOfficeKind } from "@/lib/support/rules";
import type { TReviewSupportReportInput } from "@/lib/support/schemas";

export type TSupportReportReviewed = { reportId: string; version: number; classChangeId: string | null };

/**
 * The reviewing office accepts a filed report or returns it with a reason. Which office
 * reviews is the program's rule (supportReviewOffice): the other office reads the report
 * but may not decide ("forbidden"). The decision is a new SupportReportReview row (never
 * edited); the report's version must be the one the form showed ("conflict"), and only a
 * FILED report may be decided ("invalidState"). Accepting a report with credit granted
 * moves a class-B enterprise to A (promoteOnCredit). The bank is notified either way.
 */
export async function reviewSupportReport(
  db: PrismaClient,
  actor: TActor,
  input: TReviewSupportReportInput,
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<TSupportReportReviewed> {
  if (!canActor(actor, "support.review")) throw new AppError("forbidden");
  return db.$transaction(async (tx) => {
    const [report] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id::text FROM "SupportReport" WHERE id = ${input.reportId}::uuid FOR UPDATE`;
    if (!report) throw new AppError("notFound");
    const row = await tx.supportReport.findUniqueOrThrow({
      where: { id: report.id },
      select: {
        id: true,
        status: true,
        version: true,
        revision: true,
        month: true,
        bankOrgId: true,
        creditGrantedFen: true,
        pairing: {
          select: {
            id: true,
            enterpriseId: true,
            enterprise: { select: { name: true } },
            program: { select: { ruleVersions: { orderBy: { version: "desc" }, take: 1, select: { supportReviewOffice: true } } } },
          },
        },
      },
    });
    const office = reviewingOfficeKind(row.pairing.program.ruleVersions[0]?.supportReviewOffice ?? 0);
    if (actor.orgKind !== office) throw new AppError("forbidden");
    if (row.version !== input.version) throw new AppError("conflict");
    const step = input.decision === "accept" ? "accept" : "return";
    if (!canSupportStep(step, row.status)) throw new AppError("invalidState");
    const version = row.version + 1;
    await tx.supportReport.update({
      where: { id: row.id },
      data:
        step === "accept"
          ? { status: "ACCEPTED", version, reviewedAt: now, returnReason: null }
          : { status: "RETURNED", version, reviewedAt: now, returnReason: input.reason },
    });
    await tx.supportReportReview.create({
      data: {
        reportId: row.id,
        revision: row.revision,
        decision: step === "accept" ? "ACCEPT" : "RETURN",
        reason: input.reason,
        reviewerId: actor.userId,
        reviewerOrgId: actor.orgId,
        reviewedAt: now,
      },
    });
    const month = monthOf(row.month);
    await writeAudit(tx, {
      action: step === "accept" ? "support.reportAccepted" : "support.reportReturned",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "SupportReport",
      targetId: row.id,
      ...meta,
      details: { pairingId: row.pairing.id, month, revision: row.revision, reason: input.reason },
    });
    const classChangeId =
      step === "accept"
        ? await promoteOnCredit(
            tx,
            row.pairing.enterpriseId,
            { kind: "report", month, reportId: row.id, fen: row.creditGrantedFen },
            { userId: actor.userId, orgId: actor.orgId },
            now,
          )
        : null;
    await notify(tx, {
      kind: step === "accept" ? "support.reportAccepted" : "support.reportReturned",
      orgIds: [row.bankOrgId],
      link: `/support/reports/${row.id}`,
      params: { enterprise: row.pairing.enterprise.name, month, ...(input.reason ? { reason: input.reason } : {}) },
      dedupeKey: `support.review:${row.id}:${row.revision}`,
    });
    return { reportId: row.id, version, classChangeId };
  });
}
