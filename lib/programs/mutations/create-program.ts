import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { PHASE_KINDS, checkNewProgram, toDraft, type TNewProgram } from "../rules";

export type TCreatedProgram = { programId: string; ruleVersionId: string };

// @db.Date columns take UTC midnight of the day.
export const dateOnly = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/**
 * The finance office creates a program with its three phases and its initial rules
 * (ProgramRuleVersion 1, effective now), in one transaction, audited "programs.created".
 * The input is checked again here (rules.ts), whoever calls.
 */
export async function createProgram(
  db: PrismaClient,
  actor: TActor,
  input: TNewProgram,
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<TCreatedProgram> {
  if (!canActor(actor, "programs.manage")) throw new AppError("forbidden");
  const { value, errors } = checkNewProgram(toDraft(input));
  if (!value) throw new AppError("invalidInput", errors);

  return db.$transaction(async (tx) => {
    const program = await tx.program.create({
      data: {
        name: value.name,
        docNumber: value.docNumber,
        level: value.level,
        year: value.year,
        leadUnits: value.leadUnits,
        description: value.description,
        phases: {
          create: PHASE_KINDS.map((kind) => ({
            kind,
            startsOn: dateOnly(value.phases[kind].startsOn),
            endsOn: dateOnly(value.phases[kind].endsOn),
          })),
        },
      },
      select: { id: true },
    });
    const version = await tx.programRuleVersion.create({
      data: { programId: program.id, version: 1, ...value.rules, effectiveFrom: now, createdById: actor.userId, createdAt: now },
      select: { id: true },
    });
    await writeAudit(tx, {
      action: "programs.created",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Program",
      targetId: program.id,
      ...meta,
      details: {
        name: value.name,
        docNumber: value.docNumber,
        level: value.level,
        year: value.year,
        leadUnits: value.leadUnits,
        phases: value.phases,
        ruleVersion: 1,
        rules: value.rules,
      },
    });
    return { programId: program.id, ruleVersionId: version.id };
  });
}
