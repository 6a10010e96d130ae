import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { isUuid } from "@/lib/ids";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { RULE_KEYS, changedRules, checkRules, type TProgramRules } from "@/lib/programs/rules";

export type TChangeRules = {
  programId: string;
  rules: TProgramRules;
  /** The version the form showed; when another change came first the request is refused ("conflict"). */
  basedOnVersion?: number | null;
};

export type TRulesChanged = { ruleVersionId: string; version: number };

/**
 * A change of rules never edits a version: it adds version N+1 (effective now, created by
 * the actor). Open items keep the version they started under (Request.ruleVersionId).
 * Audited "programs.rulesChanged" with the values that changed. Two changes at the same
 * moment: the unique (programId, version) lets one through and refuses the other.
 */
export async function changeProgramRules(
  db: PrismaClient,
  actor: TActor,
  input: TChangeRules,
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<TRulesChanged> {
  if (!canActor(actor, "programs.manage")) throw new AppError("forbidden");
  if (!isUuid(input.programId)) throw new AppError("notFound");
  const { rules, errors } = checkRules(input.rules);
  if (!rules) throw new AppError("invalidInput", errors);

  try {
    return await db.$transaction(async (tx) => {
      const program = await tx.program.findUnique({ where: { id: input.programId }, select: { id: true } });
      if (!program) throw new AppError("notFound");
      const latest = await tx.programRuleVersion.findFirst({ where: { programId: program.id }, orderBy: { version: "desc" } });
      if (latest && input.basedOnVersion != null && input.basedOnVersion !== latest.version) throw new AppError("conflict");
      const changed = latest ? changedRules(latest, rules) : [...RULE_KEYS];
      if (changed.length === 0) throw new AppError("rulesUnchanged");
      const version = (latest?.version ?? 0) + 1;
      const created = await tx.programRuleVersion.create({
        data: { programId: program.id, version, ...rules, effectiveFrom: now, createdById: actor.userId, createdAt: now },
        select: { id: true },
      });
      await writeAudit(tx, {
        action: "programs.rulesChanged",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "Program",
        targetId: program.id,
        ...meta,
        details: {
          fromVersion: latest?.version ?? null,
          toVersion: version,
          ruleVersionId: created.id,
          changed: Object.fromEntries(changed.map((k) => [k, { before: latest?.[k] ?? null, after: rules[k] }])),
        },
      });
      return { ruleVersionId: created.id, version };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict");
    throw error;
  }
}
