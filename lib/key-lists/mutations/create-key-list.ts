/**
 * The finance office creates a key-enterprise list for a program year and fills it: from
 * the enterprises' tag (one INSERT … SELECT over the approved enterprises, whatever their
 * number) or from USCCs (with a report of every USCC not added). The list starts as a
 * DRAFT that no bank sees.
 *
 * Refusals (AppError): forbidden · noProgram (no program in force for the year) ·
 * invalidInput { name: "taken" } (the program already has a list of that name).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import { insertMembersByUscc, type TMembersReport } from "@/lib/key-lists/mutations/add-key-list-members";
import type { TCreateKeyListInput } from "@/lib/key-lists/schemas";

export async function createKeyList(
  db: PrismaClient,
  actor: TActorSource,
  input: TCreateKeyListInput,
  opts: { now?: Date } = {},
): Promise<{ listId: string } & TMembersReport> {
  if (!canActor(actorOf(actor), "keyLists.manage")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  const program = await db.program.findFirst({
    where: { year: input.year, active: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (!program) throw new AppError("noProgram");
  return db.$transaction(async (tx) => {
    const taken = await tx.keyList.findFirst({ where: { programId: program.id, name: input.name }, select: { id: true } });
    if (taken) throw new AppError("invalidInput", { name: "taken" });
    const list = await tx.keyList.create({
      data: {
        programId: program.id,
        year: input.year,
        name: input.name,
        sourceTag: input.source === "tag" ? input.tag : null,
        createdById: actor.userId,
        createdAt: now,
      },
      select: { id: true },
    });
    let report: TMembersReport;
    if (input.source === "tag") {
      // City scale: one statement, the tally trigger folds it in one grouped upsert.
      const added = await tx.$executeRaw`
        INSERT INTO "KeyListMember" (id, "listId", "enterpriseId", uscc, "addedAt")
        SELECT gen_random_uuid(), ${list.id}::uuid, e.id, e.uscc, ${now}
        FROM "Enterprise" e
        WHERE e."registrationStatus" = 'APPROVED' AND ${input.tag}::text = ANY (e.tags)`;
      report = { added, refused: [] };
    } else {
      report = await insertMembersByUscc(tx, list.id, input.usccs);
    }
    await writeAudit(tx, {
      action: "keyLists.create",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "KeyList",
      targetId: list.id,
      details: { year: input.year, source: input.source, tag: input.tag, added: report.added, refused: report.refused.length },
    });
    return { listId: list.id, ...report };
  });
}
