import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { enterpriseScope, isNothing, type TScopeContext } from "@/lib/auth/scopes";
import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, RegistrationStatus, Role } from "@/lib/generated/prisma/enums";
import { fieldErrorsOf } from "../schemas";
import { isUuid } from "@/lib/ids";
import { editableEnterpriseFields, type TEnterpriseField } from "../rules";
import { ZChangeClassInput, ZEnterpriseCreateInput, ZEnterpriseIdInput, ZEnterpriseUpdateInput } from "../schemas";

// Entering, editing, deactivating and re-classing enterprises in the registry. Each
// function checks the permission, parses its input again (a caller that skips the
// action cannot skip the rules), finds the enterprise through the actor's scope inside
// the transaction (another park's enterprise: "notFound", nothing touched) and writes
// the audit entry in the same transaction. `ctx` is the actor's scope context
// (loadScopeContext): it depends only on the actor's own organization.

type TTx = Prisma.TransactionClient;

function parseOrThrow<T>(result: { success: true; data: T } | { success: false; error: import("zod").ZodError }): T {
  if (result.success) return result.data;
  const fieldErrors = fieldErrorsOf(result.error);
  if (fieldErrors.enterpriseId) throw new AppError("notFound");
  throw new AppError("invalidInput", fieldErrors);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

async function usccGuard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // Two windows entering the same code at once: the unique index decides.
    if (isUniqueViolation(error)) throw new AppError("invalidInput", { uscc: "usccTaken" });
    throw error;
  }
}

/** The park an enterprise goes to: the window's own park; for the finance office, the active park it chose. */
async function targetPark(tx: TTx, actor: TActor, ctx: TScopeContext, requested: string | null): Promise<string> {
  if (actor.role === Role.PARK_STAFF) {
    if (!ctx.parkId) throw new AppError("forbidden");
    return ctx.parkId;
  }
  if (!requested || !isUuid(requested)) throw new AppError("invalidInput", { parkId: "parkRequired" });
  const park = await tx.park.findFirst({ where: { id: requested, org: { active: true } }, select: { id: true } });
  if (!park) throw new AppError("invalidInput", { parkId: "parkRequired" });
  return park.id;
}

/**
 * A park window (own park) or the finance office (any park) enters an enterprise. It is
 * verified by whoever entered it, so it starts APPROVED; it has no users until the
 * enterprise's owner is added. A USCC already in the registry is refused.
 */
export async function createRegistryEnterprise(
  db: PrismaClient,
  actor: TActor,
  ctx: TScopeContext,
  raw: unknown,
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<{ enterpriseId: string }> {
  if (!canActor(actor, "enterprises.create")) throw new AppError("forbidden");
  const input = parseOrThrow(ZEnterpriseCreateInput.safeParse(raw));
  return usccGuard(() =>
    db.$transaction(async (tx) => {
      const parkId = await targetPark(tx, actor, ctx, input.parkId);
      if (await tx.enterprise.findUnique({ where: { uscc: input.uscc }, select: { id: true } })) {
        throw new AppError("invalidInput", { uscc: "usccTaken" });
      }
      const org = await tx.organization.create({ data: { kind: OrgKind.ENTERPRISE, name: input.name }, select: { id: true } });
      const enterprise = await tx.enterprise.create({
        data: {
          orgId: org.id,
          uscc: input.uscc,
          name: input.name,
          parkId,
          industrySection: input.industrySection,
          industryDivision: input.industryDivision,
          size: input.size,
          tags: input.tags,
          creditRating: input.creditRating,
          contactName: input.contactName,
          contactMobile: input.contactMobile,
          registrationStatus: RegistrationStatus.APPROVED,
          reviewedAt: now,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        action: "registry.enterpriseCreated",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "Enterprise",
        targetId: enterprise.id,
        ...meta,
        details: { uscc: input.uscc, name: input.name, parkId },
      });
      return { enterpriseId: enterprise.id };
    }),
  );
}

async function findScoped(tx: TTx, actor: TActor, ctx: TScopeContext, enterpriseId: string) {
  const scope = enterpriseScope(actor, ctx);
  if (isNothing(scope) || !isUuid(enterpriseId)) throw new AppError("notFound");
  const found = await tx.enterprise.findFirst({
    where: { AND: [{ id: enterpriseId }, scope] },
    select: {
      id: true,
      orgId: true,
      uscc: true,
      name: true,
      parkId: true,
      industrySection: true,
      industryDivision: true,
      size: true,
      tags: true,
      creditRating: true,
      contactName: true,
      contactMobile: true,
      supportClass: true,
      org: { select: { active: true } },
    },
  });
  if (!found) throw new AppError("notFound");
  return found;
}

/**
 * Edits an enterprise. Only the fields the actor's role may change are taken
 * (editableEnterpriseFields); the rest of the input is ignored. An inactive enterprise
 * must be reactivated first ("inactive"). The audit entry lists which fields changed (not personal data).
 */
export async function updateRegistryEnterprise(
  db: PrismaClient,
  actor: TActor,
  ctx: TScopeContext,
  raw: unknown,
  meta: TRequestMeta,
): Promise<{ enterpriseId: string; changed: TEnterpriseField[] }> {
  if (!canActor(actor, "enterprises.update")) throw new AppError("forbidden");
  const input = parseOrThrow(ZEnterpriseUpdateInput.safeParse(raw));
  const allowed = new Set(editableEnterpriseFields(actor.role));
  return usccGuard(() =>
    db.$transaction(async (tx) => {
      const current = await findScoped(tx, actor, ctx, input.enterpriseId);
      if (!current.org.active) throw new AppError("inactive");
      const data: Prisma.EnterpriseUncheckedUpdateInput = {};
      const changed: TEnterpriseField[] = [];
      const set = <K extends TEnterpriseField>(field: K, next: unknown, prev: unknown) => {
        if (!allowed.has(field)) return;
        if (JSON.stringify(next) === JSON.stringify(prev)) return;
        (data as Record<string, unknown>)[field] = next;
        changed.push(field);
      };
      set("name", input.name, current.name);
      set("industrySection", input.industrySection, current.industrySection);
      set("industryDivision", input.industryDivision, current.industryDivision);
      set("size", input.size, current.size);
      set("contactName", input.contactName, current.contactName);
      // The form never shows the full number: left empty, the number on file stays.
      set("contactMobile", input.contactMobile ?? current.contactMobile, current.contactMobile);
      set("uscc", input.uscc, current.uscc);
      set("tags", input.tags, current.tags);
      set("creditRating", input.creditRating, current.creditRating);
      if (allowed.has("parkId") && input.parkId && input.parkId !== current.parkId) {
        set("parkId", await targetPark(tx, actor, ctx, input.parkId), current.parkId);
      }
      if (
        changed.includes("uscc") &&
        (await tx.enterprise.findFirst({ where: { uscc: input.uscc, id: { not: current.id } }, select: { id: true } }))
      ) {
        throw new AppError("invalidInput", { uscc: "usccTaken" });
      }
      if (changed.length === 0) return { enterpriseId: current.id, changed };
      await tx.enterprise.update({ where: { id: current.id }, data });
      if (changed.includes("name")) await tx.organization.update({ where: { id: current.orgId }, data: { name: input.name } });
      await writeAudit(tx, {
        action: "registry.enterpriseUpdated",
        actorUserId: actor.userId,
        actorOrgId: actor.orgId,
        targetType: "Enterprise",
        targetId: current.id,
        ...meta,
        details: { changed },
      });
      return { enterpriseId: current.id, changed };
    }),
  );
}

/**
 * Deactivates (or reactivates) an enterprise: its organization's `active` flag. Its users
 * can no longer sign in (sessions are checked against it on every request), it leaves the
 * default lists and exports, and its history stays. Park window: own park; finance office: any.
 */
export async function setRegistryEnterpriseActive(
  db: PrismaClient,
  actor: TActor,
  ctx: TScopeContext,
  raw: unknown,
  active: boolean,
  meta: TRequestMeta,
): Promise<{ enterpriseId: string; active: boolean }> {
  if (!canActor(actor, "enterprises.deactivate")) throw new AppError("forbidden");
  const { enterpriseId } = parseOrThrow(ZEnterpriseIdInput.safeParse(raw));
  return db.$transaction(async (tx) => {
    const current = await findScoped(tx, actor, ctx, enterpriseId);
    const updated = await tx.organization.updateMany({ where: { id: current.orgId, active: !active }, data: { active } });
    if (updated.count === 0) throw new AppError(active ? "alreadyActive" : "alreadyInactive");
    await writeAudit(tx, {
      action: active ? "registry.enterpriseReactivated" : "registry.enterpriseDeactivated",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Enterprise",
      targetId: current.id,
      ...meta,
      details: { orgId: current.orgId },
    });
    return { enterpriseId: current.id, active };
  });
}

/**
 * Moves an enterprise to class A, B or C with a reason: the enterprise row changes only
 * if its class is still the one read (two people at once cannot both win), and an
 * EnterpriseClassChange row keeps who, when and why.
 */
export async function changeRegistryEnterpriseClass(
  db: PrismaClient,
  actor: TActor,
  ctx: TScopeContext,
  raw: unknown,
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<{ enterpriseId: string; changeId: string }> {
  if (!canActor(actor, "enterprises.changeClass")) throw new AppError("forbidden");
  const input = parseOrThrow(ZChangeClassInput.safeParse(raw));
  return db.$transaction(async (tx) => {
    const current = await findScoped(tx, actor, ctx, input.enterpriseId);
    if (!current.org.active) throw new AppError("inactive");
    if (current.supportClass === input.toClass) throw new AppError("invalidInput", { toClass: "sameClass" });
    const updated = await tx.enterprise.updateMany({
      where: { id: current.id, supportClass: current.supportClass },
      data: { supportClass: input.toClass },
    });
    if (updated.count === 0) throw new AppError("conflict");
    const change = await tx.enterpriseClassChange.create({
      data: {
        enterpriseId: current.id,
        fromClass: current.supportClass,
        toClass: input.toClass,
        reason: input.reason,
        changedById: actor.userId,
        changedAt: now,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      action: "registry.enterpriseClassChanged",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Enterprise",
      targetId: current.id,
      ...meta,
      details: { from: current.supportClass, to: input.toClass, reason: input.reason, changeId: change.id },
    });
    return { enterpriseId: current.id, changeId: change.id };
  });
}
