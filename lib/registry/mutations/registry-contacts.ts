import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { shanghaiDateString, type WorkingCalendar } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { fieldErrorsOf } from "../schemas";
import { CONTACT_MAX_DAYS_AHEAD, currentContact, effectiveDate, isFiledLate } from "../contacts";
import { ZBankContactInput } from "../schemas";
import { contactManageableBankIds } from "../queries/registry-orgs";

/** The working-day calendar contact filings are judged by: the one the administrators maintain. */
export async function contactCalendar(db: PrismaClient): Promise<WorkingCalendar> {
  return loadWorkingCalendar(db);
}

const DAY_MS = 86_400_000;

/**
 * A bank files a change of its contacts (first and second responsible person, contact
 * department, liaison). Nothing is overwritten: a new BankContact row, stamped with the
 * day it took effect and the moment it was filed, and flagged filedLate when that is more
 * than 3 working days after it took effect (《益阳市金融纾困民营和小微企业“两进两促”行动工作方案》 二（二）3). A liaison files for its own
 * bank, a manager also for the banks below it; any other bank: "notFound".
 */
export async function fileBankContact(
  db: PrismaClient,
  actor: TActor,
  raw: unknown,
  meta: TRequestMeta,
  options: { now?: Date; calendar?: WorkingCalendar } = {},
): Promise<{ contactId: string; filedLate: boolean }> {
  if (!canActor(actor, "contacts.manage")) throw new AppError("forbidden");
  const parsed = ZBankContactInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    if (fieldErrors.bankOrgId) throw new AppError("notFound");
    throw new AppError("invalidInput", fieldErrors);
  }
  const input = parsed.data;
  const now = options.now ?? new Date();
  const effectiveOn = effectiveDate(input.effectiveOn);
  const today = effectiveDate(shanghaiDateString(now));
  if (effectiveOn.getTime() - today.getTime() > CONTACT_MAX_DAYS_AHEAD * DAY_MS) {
    throw new AppError("invalidInput", { effectiveOn: "dateTooFar" });
  }
  const manageable = await contactManageableBankIds(db, actor);
  if (!manageable.includes(input.bankOrgId)) throw new AppError("notFound");
  const calendar = options.calendar ?? (await contactCalendar(db));
  const filedLate = isFiledLate(effectiveOn, now, calendar);

  return db.$transaction(async (tx) => {
    const bank = await tx.organization.findFirst({
      where: { id: input.bankOrgId, kind: OrgKind.BANK, active: true },
      select: { id: true },
    });
    if (!bank) throw new AppError("notFound");
    // Mobiles are shown masked, so the form cannot show them again: one left empty for
    // the same person keeps the number on file.
    const previous = currentContact(
      await tx.bankContact.findMany({
        where: { bankOrgId: bank.id },
        select: {
          id: true,
          effectiveOn: true,
          filedAt: true,
          firstPersonName: true,
          firstPersonMobile: true,
          secondPersonName: true,
          secondPersonMobile: true,
          liaisonName: true,
          liaisonMobile: true,
        },
      }),
      now,
    );
    const { bankOrgId, ...rest } = input;
    const fields = { ...rest, effectiveOn: undefined };
    if (previous) {
      if (!fields.firstPersonMobile && fields.firstPersonName === previous.firstPersonName)
        fields.firstPersonMobile = previous.firstPersonMobile;
      if (!fields.secondPersonMobile && fields.secondPersonName === previous.secondPersonName)
        fields.secondPersonMobile = previous.secondPersonMobile;
      if (!fields.liaisonMobile && fields.liaisonName === previous.liaisonName) fields.liaisonMobile = previous.liaisonMobile;
    }
    const contact = await tx.bankContact.create({
      data: { ...fields, bankOrgId, effectiveOn, filedAt: now, filedLate, createdAt: now },
      select: { id: true },
    });
    await writeAudit(tx, {
      action: "registry.contactFiled",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "BankContact",
      targetId: contact.id,
      ...meta,
      details: { bankOrgId, effectiveOn: input.effectiveOn, filedLate },
    });
    return { contactId: contact.id, filedLate };
  });
}
