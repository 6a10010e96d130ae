import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { OrgKind, RankingPeriod, RankingStatus } from "@/lib/generated/prisma/enums";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { ZRecordRewardRestrictionInput } from "@/lib/rewards/schemas";

/**
 * Enters one reward or restriction in the register (finance administrator only,
 * "rewards.manage"), audited "rewards.recorded" in the same transaction. The table is
 * append-only (trigger): a correction or a withdrawal is a new entry that supersedes
 * the old one, for the same bank and program, and an entry is superseded at most once
 * (unique supersedesId: a second correction of the same entry is "conflict" — correct
 * the correction). A linked assessment must be a PUBLISHED annual assessment of the
 * program in which the bank was ranked.
 */
export async function recordRewardRestriction(
  db: PrismaClient,
  actor: TActor,
  raw: unknown,
  meta: Partial<TRequestMeta> = {},
): Promise<{ id: string }> {
  if (!canActor(actor, "rewards.manage")) throw new AppError("forbidden");
  const parsed = ZRecordRewardRestrictionInput.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.map(String).join(".")] ??= issue.message;
    throw new AppError("invalidInput", fields);
  }
  const input = parsed.data;
  if (input.withdrawn && !input.supersedesId) throw new AppError("invalidInput", { supersedesId: "required" });

  try {
    return await db.$transaction(async (tx) => {
      const program = await tx.program.findUnique({ where: { id: input.programId }, select: { id: true } });
      if (!program) throw new AppError("notFound");
      const bank = await tx.organization.findFirst({ where: { id: input.bankOrgId, kind: OrgKind.BANK }, select: { id: true } });
      if (!bank) throw new AppError("invalidInput", { bankOrgId: "badBank" });
      if (input.rankingId) {
        const entry = await tx.rankingEntry.findFirst({
          where: {
            bankOrgId: bank.id,
            ranking: { id: input.rankingId, programId: program.id, period: RankingPeriod.YEAR, status: RankingStatus.PUBLISHED },
          },
          select: { id: true },
        });
        if (!entry) throw new AppError("invalidInput", { rankingId: "notFound" });
      }
      if (input.supersedesId) {
        const old = await tx.rewardRestriction.findFirst({
          where: { id: input.supersedesId, programId: program.id, bankOrgId: bank.id },
          select: { id: true, supersededBy: { select: { id: true } } },
        });
        if (!old) throw new AppError("invalidInput", { supersedesId: "notFound" });
        if (old.supersededBy) throw new AppError("conflict");
      }
      const created = await tx.rewardRestriction.create({
        data: {
          programId: program.id,
          bankOrgId: bank.id,
          kind: input.kind,
          measure: input.measure,
          issuingOffice: input.issuingOffice,
          issuedOn: new Date(`${input.issuedOn}T00:00:00Z`),
          basis: input.basis,
          rankingId: input.rankingId,
          supersedesId: input.supersedesId,
          withdrawn: input.withdrawn,
          createdById: actor.userId,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        action: "rewards.recorded",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "RewardRestriction",
        targetId: created.id,
        ...meta,
        details: {
          programId: program.id,
          bankOrgId: bank.id,
          kind: input.kind,
          measure: input.measure,
          issuingOffice: input.issuingOffice,
          issuedOn: input.issuedOn,
          rankingId: input.rankingId,
          supersedesId: input.supersedesId,
          withdrawn: input.withdrawn,
        },
      });
      return created;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict");
    throw error;
  }
}
