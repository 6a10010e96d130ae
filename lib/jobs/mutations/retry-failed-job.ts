/**
 * An administrator's retry of a FAILED job: due at once, with a fresh set of attempts,
 * audited in the same transaction. Only a FAILED job can be retried ("notFound"
 * otherwise: already retried by someone else, or no such job). The job queue belongs to
 * the platform, not to an organization, so there is no scope beyond the permission.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import type { TActor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";

export async function retryFailedJob(db: PrismaClient, actor: TActor, jobId: bigint, meta: TRequestMeta): Promise<void> {
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<Array<{ kind: string }>>(
      `UPDATE "Job" SET status = 'PENDING', "runAt" = now(), attempts = 0, "finishedAt" = NULL
        WHERE id = $1::bigint AND status = 'FAILED'
        RETURNING kind`,
      jobId.toString(),
    );
    if (rows.length === 0) throw new AppError("notFound");
    await writeAudit(tx, {
      action: "jobs.retry",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Job",
      targetId: jobId.toString(),
      ...meta,
      details: { kind: rows[0]!.kind },
    });
  });
}
