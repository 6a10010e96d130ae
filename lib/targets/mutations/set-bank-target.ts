import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { changedMeasures, type TTargetValues } from "@/lib/targets/rules";

export type TSetBankTarget = {
  programId: string;
  bankOrgId: string;
  target: TTargetValues;
  note: string | null;
  /** The version the form showed (null: none yet); another change first → "conflict". */
  basedOnVersion: number | null;
};

export type TBankTargetSet = { targetId: string; version: number };

/**
 * The finance office sets a bank's credit target for the program's year. A change never
 * edits a version (the table refuses UPDATE and DELETE): it adds version N+1, and the
 * newest version is the target in force. Audited "targets.bankTargetSet" with the figures
 * before and after. Two changes at once: the unique (program, year, bank, version) lets
 * one through and the other is refused "conflict", as a form based on an older version is.
 */
export async function setBankTarget(
  db: PrismaClient,
  actor: TActor,
  input: TSetBankTarget,
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<TBankTargetSet> {
  if (!canActor(actor, "targets.manage")) throw new AppError("forbidden");
  if (!isUuid(input.programId) || !isUuid(input.bankOrgId)) throw new AppError("notFound");
  try {
    return await db.$transaction(async (tx) => {
      const [program, bank] = await Promise.all([
        tx.program.findUnique({ where: { id: input.programId }, select: { id: true, year: true } }),
        tx.organization.findFirst({ where: { id: input.bankOrgId, kind: "BANK" }, select: { id: true, active: true } }),
      ]);
      if (!program || !bank) throw new AppError("notFound");
      if (!bank.active) throw new AppError("inactive");
      const latest = await tx.bankCreditTarget.findFirst({
        where: { programId: program.id, year: program.year, bankOrgId: bank.id },
        orderBy: { version: "desc" },
        select: { version: true, amountFen: true, borrowers: true, firstLoans: true, creditLoans: true },
      });
      if ((latest?.version ?? null) !== input.basedOnVersion) throw new AppError("conflict");
      const changed = changedMeasures(latest, input.target);
      if (changed.length === 0) throw new AppError("targetUnchanged");
      const version = (latest?.version ?? 0) + 1;
      const created = await tx.bankCreditTarget.create({
        data: {
          programId: program.id,
          year: program.year,
          bankOrgId: bank.id,
          version,
          ...input.target,
          note: input.note,
          createdById: actor.userId,
          createdAt: now,
        },
        select: { id: true },
      });
      const figures = (t: TTargetValues | null) =>
        t && { amountFen: t.amountFen.toString(), borrowers: t.borrowers, firstLoans: t.firstLoans, creditLoans: t.creditLoans };
      await writeAudit(tx, {
        action: "targets.bankTargetSet",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "Organization",
        targetId: bank.id,
        ...meta,
        details: {
          programId: program.id,
          year: program.year,
          fromVersion: latest?.version ?? null,
          toVersion: version,
          targetId: created.id,
          changed,
          before: figures(latest),
          after: figures(input.target),
          note: input.note,
        },
      });
      return { targetId: created.id, version };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict");
    throw error;
  }
}
