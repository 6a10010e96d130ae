import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import type { z } from "zod";
import { fieldErrorsOf } from "../schemas";
import { isUuid } from "@/lib/ids";
import { mayBeParentOf } from "../rules";
import { ZBankUpdateInput, ZGuarantorCreateInput, ZGuarantorUpdateInput, ZOrgIdInput, ZParkUpdateInput } from "../schemas";

// Parks, banks and guarantee companies are administered by the finance office
// ("orgs.update"; creating a guarantee company: "orgs.create"). Parks and banks are
// created with their first user on /orgs/new; here they are edited and deactivated.

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors = fieldErrorsOf(parsed.error);
  if (fieldErrors.orgId) throw new AppError("notFound");
  throw new AppError("invalidInput", fieldErrors);
}

function requireUpdate(actor: TActor) {
  if (!canActor(actor, "orgs.update")) throw new AppError("forbidden");
}

type TAudit = { action: string; targetId: string; details: Record<string, unknown> };
const audit = (actor: TActor, meta: TRequestMeta, a: TAudit) => ({
  action: a.action,
  actorUserId: actor.userId,
  actorOrgId: actor.orgId,
  targetType: "Organization",
  targetId: a.targetId,
  ...meta,
  details: a.details as never,
});

/** Park name and its financing service window (name, phone), district and address. */
export async function updateRegistryPark(db: PrismaClient, actor: TActor, raw: unknown, meta: TRequestMeta): Promise<{ orgId: string }> {
  requireUpdate(actor);
  const input = parse(ZParkUpdateInput, raw);
  return db.$transaction(async (tx) => {
    const park = await tx.park.findFirst({ where: { orgId: input.orgId, org: { kind: OrgKind.PARK } }, select: { id: true } });
    if (!park) throw new AppError("notFound");
    await tx.organization.update({ where: { id: input.orgId }, data: { name: input.name, shortName: input.shortName } });
    await tx.park.update({
      where: { id: park.id },
      data: { district: input.district, address: input.address, windowName: input.windowName, windowPhone: input.windowPhone },
    });
    await writeAudit(tx, audit(actor, meta, { action: "registry.parkUpdated", targetId: input.orgId, details: { ...input } }));
    return { orgId: input.orgId };
  });
}

/**
 * A bank's name and its place in the hierarchy: the parent must be an active bank of a
 * higher level (head office → branch → sub-branch), which also rules out cycles.
 */
export async function updateRegistryBank(db: PrismaClient, actor: TActor, raw: unknown, meta: TRequestMeta): Promise<{ orgId: string }> {
  requireUpdate(actor);
  const input = parse(ZBankUpdateInput, raw);
  return db.$transaction(async (tx) => {
    const bank = await tx.organization.findFirst({
      where: { id: input.orgId, kind: OrgKind.BANK },
      select: { id: true, bankLevel: true, parentId: true },
    });
    if (!bank) throw new AppError("notFound");
    if (input.parentId && input.parentId !== bank.parentId) {
      const parent = isUuid(input.parentId)
        ? await tx.organization.findFirst({
            where: { id: input.parentId, kind: OrgKind.BANK, active: true },
            select: { id: true, bankLevel: true },
          })
        : null;
      if (!parent || parent.id === bank.id) throw new AppError("invalidInput", { parentId: "parentInvalid" });
      if (!mayBeParentOf(parent.bankLevel, bank.bankLevel)) throw new AppError("invalidInput", { parentId: "parentLevel" });
    }
    await tx.organization.update({
      where: { id: bank.id },
      data: { name: input.name, shortName: input.shortName, parentId: input.parentId },
    });
    await writeAudit(
      tx,
      audit(actor, meta, {
        action: "registry.bankUpdated",
        targetId: bank.id,
        details: { name: input.name, shortName: input.shortName, parentId: input.parentId, previousParentId: bank.parentId },
      }),
    );
    return { orgId: bank.id };
  });
}

export async function createRegistryGuarantor(
  db: PrismaClient,
  actor: TActor,
  raw: unknown,
  meta: TRequestMeta,
): Promise<{ orgId: string }> {
  if (!canActor(actor, "orgs.create")) throw new AppError("forbidden");
  const input = parse(ZGuarantorCreateInput, raw);
  return db.$transaction(async (tx) => {
    const taken = await tx.organization.findFirst({ where: { kind: OrgKind.GUARANTEE_COMPANY, name: input.name }, select: { id: true } });
    if (taken) throw new AppError("invalidInput", { name: "nameTaken" });
    const org = await tx.organization.create({
      data: { kind: OrgKind.GUARANTEE_COMPANY, name: input.name, shortName: input.shortName },
      select: { id: true },
    });
    await writeAudit(tx, audit(actor, meta, { action: "registry.guarantorCreated", targetId: org.id, details: { ...input } }));
    return { orgId: org.id };
  });
}

export async function updateRegistryGuarantor(
  db: PrismaClient,
  actor: TActor,
  raw: unknown,
  meta: TRequestMeta,
): Promise<{ orgId: string }> {
  requireUpdate(actor);
  const input = parse(ZGuarantorUpdateInput, raw);
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findFirst({ where: { id: input.orgId, kind: OrgKind.GUARANTEE_COMPANY }, select: { id: true } });
    if (!org) throw new AppError("notFound");
    const taken = await tx.organization.findFirst({
      where: { kind: OrgKind.GUARANTEE_COMPANY, name: input.name, id: { not: org.id } },
      select: { id: true },
    });
    if (taken) throw new AppError("invalidInput", { name: "nameTaken" });
    await tx.organization.update({ where: { id: org.id }, data: { name: input.name, shortName: input.shortName } });
    await writeAudit(tx, audit(actor, meta, { action: "registry.guarantorUpdated", targetId: org.id, details: { ...input } }));
    return { orgId: org.id };
  });
}

export type TRegistryOrgKind = typeof OrgKind.PARK | typeof OrgKind.BANK | typeof OrgKind.GUARANTEE_COMPANY;

/**
 * Deactivates or reactivates a park, bank or guarantee company (its users can no longer
 * sign in; its history stays). A bank with active branches is not deactivated: its
 * branches go first, so no active bank hangs under an inactive one.
 */
export async function setRegistryOrgActive(
  db: PrismaClient,
  actor: TActor,
  kind: TRegistryOrgKind,
  raw: unknown,
  active: boolean,
  meta: TRequestMeta,
): Promise<{ orgId: string; active: boolean }> {
  requireUpdate(actor);
  const { orgId } = parse(ZOrgIdInput, raw);
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findFirst({ where: { id: orgId, kind }, select: { id: true, active: true } });
    if (!org) throw new AppError("notFound");
    if (org.active === active) throw new AppError(active ? "alreadyActive" : "alreadyInactive");
    if (!active && kind === OrgKind.BANK && (await tx.organization.count({ where: { parentId: orgId, active: true } })) > 0) {
      throw new AppError("hasActiveChildren");
    }
    await tx.organization.update({ where: { id: orgId }, data: { active } });
    await writeAudit(
      tx,
      audit(actor, meta, { action: active ? "registry.orgReactivated" : "registry.orgDeactivated", targetId: orgId, details: { kind } }),
    );
    return { orgId, active };
  });
}
