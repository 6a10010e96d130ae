import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { isUuid } from "@/lib/ids";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { PHASE_KINDS, checkProgramDetails, toDraft, type TPhaseDates, type TProgramDetails } from "../rules";
import { dateOnly } from "./create-program";

export type TUpdateProgram = TProgramDetails & { programId: string };

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Edits a program's name, 文号, lead units, description and phase dates (not its year,
 * level or rules: rules change through changeProgramRules). The phases are checked against
 * the stored year. Audited "programs.updated" with what changed, before and after.
 */
export async function updateProgram(db: PrismaClient, actor: TActor, input: TUpdateProgram, meta: TRequestMeta): Promise<void> {
  if (!canActor(actor, "programs.manage")) throw new AppError("forbidden");
  if (!isUuid(input.programId)) throw new AppError("notFound");
  await db.$transaction(async (tx) => {
    const current = await tx.program.findUnique({
      where: { id: input.programId },
      select: {
        year: true,
        name: true,
        docNumber: true,
        leadUnits: true,
        description: true,
        phases: { select: { kind: true, startsOn: true, endsOn: true } },
      },
    });
    if (!current) throw new AppError("notFound");
    const { value, errors } = checkProgramDetails(toDraft(input), current.year);
    if (!value) throw new AppError("invalidInput", errors);

    const before: Record<string, Prisma.InputJsonValue | null> = {
      name: current.name,
      docNumber: current.docNumber,
      leadUnits: current.leadUnits,
      description: current.description,
    };
    const after: Record<string, Prisma.InputJsonValue | null> = {
      name: value.name,
      docNumber: value.docNumber,
      leadUnits: value.leadUnits,
      description: value.description,
    };
    const phasesBefore = {} as TPhaseDates;
    for (const p of current.phases) phasesBefore[p.kind] = { startsOn: day(p.startsOn), endsOn: day(p.endsOn) };
    const changed: Record<string, { before: Prisma.InputJsonValue | null; after: Prisma.InputJsonValue | null }> = {};
    for (const key of Object.keys(after)) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
        changed[key] = { before: before[key] ?? null, after: after[key] ?? null };
    }
    for (const kind of PHASE_KINDS) {
      if (JSON.stringify(phasesBefore[kind] ?? null) !== JSON.stringify(value.phases[kind])) {
        changed[`phases.${kind}`] = { before: phasesBefore[kind] ?? null, after: value.phases[kind] };
      }
    }
    if (Object.keys(changed).length === 0) return; // nothing to record

    await tx.program.update({
      where: { id: input.programId },
      data: { name: value.name, docNumber: value.docNumber, leadUnits: value.leadUnits, description: value.description },
    });
    for (const kind of PHASE_KINDS) {
      const dates = { startsOn: dateOnly(value.phases[kind].startsOn), endsOn: dateOnly(value.phases[kind].endsOn) };
      await tx.programPhase.upsert({
        where: { programId_kind: { programId: input.programId, kind } },
        create: { programId: input.programId, kind, ...dates },
        update: dates,
      });
    }
    await writeAudit(tx, {
      action: "programs.updated",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Program",
      targetId: input.programId,
      ...meta,
      details: { changed },
    });
  });
}
