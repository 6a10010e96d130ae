import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { promotesOnCredit, promotionReason } from "@/lib/support/rules";

type TTx = Prisma.TransactionClient;

export type TCreditSource =
  { kind: "report"; month: string; reportId: string; fen: bigint } | { kind: "loan"; loanId: string; fen: bigint };

/**
 * A class-B enterprise that obtains credit moves to class A ("待实现信贷融资后转入A类"),
 * in the transaction that recorded the credit: an accepted 1+1 monthly report with credit
 * granted, or a loan recorded by a bank. The class history keeps the report or loan as the
 * reason. The update re-checks the class, so two credits at once move it once.
 * Returns the class change's id, or null when the enterprise was not class B.
 */
export async function promoteOnCredit(
  tx: TTx,
  enterpriseId: string,
  source: TCreditSource,
  actor: { userId: string | null; orgId: string | null },
  now: Date,
): Promise<string | null> {
  const enterprise = await tx.enterprise.findUnique({ where: { id: enterpriseId }, select: { supportClass: true } });
  if (!enterprise || !promotesOnCredit(enterprise.supportClass, source.fen)) return null;
  const moved = await tx.enterprise.updateMany({ where: { id: enterpriseId, supportClass: "B" }, data: { supportClass: "A" } });
  if (moved.count === 0) return null;
  const reason = promotionReason(source);
  const change = await tx.enterpriseClassChange.create({
    data: { enterpriseId, fromClass: "B", toClass: "A", reason, changedById: actor.userId, changedAt: now },
    select: { id: true },
  });
  await writeAudit(tx, {
    action: "support.classPromoted",
    actorUserId: actor.userId,
    actorOrgId: actor.orgId,
    targetType: "Enterprise",
    targetId: enterpriseId,
    details: {
      from: "B",
      to: "A",
      reason,
      changeId: change.id,
      ...(source.kind === "report" ? { reportId: source.reportId, month: source.month } : { loanId: source.loanId }),
      creditFen: source.fen.toString(),
    },
  });
  return change.id;
}
